using Microsoft.AspNetCore.Http.HttpResults;

namespace UnitTrustLoad.Simulator.Apis;

/// <summary>Either the body, or the answer explaining why it could not be read.</summary>
internal readonly record struct BodyResult<T>(T? Value, ValidationProblem? Invalid, ProblemHttpResult? Rejected)
    where T : class;
