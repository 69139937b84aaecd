using UnitTrustLoad.Api;
using UnitTrustLoad.Engine.Scenarios;

namespace UnitTrustLoad.Scenarios;

/// <summary>An API call's result as the engine's <see cref="Response"/>: where the client's words meet the engine's.</summary>
internal static class StepResponse
{
    public static Response<T> From<T>(in ApiResult<T> result)
        => result.IsOk
            ? Response.Ok(result.Value!, result.Status, result.BytesSent, result.BytesReceived)
            : Response.Fail<T>(result.Status, result.Error, result.BytesSent, result.BytesReceived);
}
