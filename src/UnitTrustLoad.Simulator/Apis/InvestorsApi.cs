using Microsoft.AspNetCore.Http.HttpResults;
using UnitTrustLoad.Simulator.Apis.Validation;
using UnitTrustLoad.Simulator.Auth;
using UnitTrustLoad.Simulator.Infrastructure;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Apis;

internal static class InvestorsApi
{
    public static IEndpointRouteBuilder MapInvestorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/Investors")
            .RequireAuthorization(TokenServer.ApiPolicy)
            .WithTags("Investors");

        api.MapPost("/Register", RegisterAsync)
            .AddEndpointFilter(new ApiVersionFilter("2.0"))
            .Accepts<RegisterInvestorRequest>("application/json")
            .WithName("RegisterInvestor");
        return app;
    }

    public static async Task<Results<Created<RegisterInvestorResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        HttpRequest request,
        InvestorStore investors,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, SimulatorJsonContext.Default.RegisterInvestorRequest, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Rejected is { } rejected)
        {
            return rejected;
        }

        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (InvestorRules.Validate(body.Value!, today, errors) is not { } investor)
        {
            return errors.ToProblem();
        }

        var outcome = await investors.RegisterAsync(investor, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Duplicate => Problems.AlreadyRegistered("ClientIdentifier", investor.ClientIdentifier),
            OutcomeKind.DuplicateIdNumber => Problems.AlreadyRegistered("IDNumber", investor.IdNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => TypedResults.Created(
                (string?)null,
                new RegisterInvestorResponse(investor.ClientIdentifier, outcome.InvestorId, "Registered")),
        };
    }
}
