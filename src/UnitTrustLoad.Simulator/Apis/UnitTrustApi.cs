using Microsoft.AspNetCore.Http.HttpResults;
using UnitTrustLoad.Simulator.Apis.Validation;
using UnitTrustLoad.Simulator.Auth;
using UnitTrustLoad.Simulator.Faults;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Infrastructure;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Apis;

internal static class UnitTrustApi
{
    public static IEndpointRouteBuilder MapUnitTrustApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/UnitTrust")
            .RequireAuthorization(TokenServer.ApiPolicy)
            .WithTags("UnitTrust");

        api.MapPost("/JoinFund", JoinFundAsync)
            .AddEndpointFilter(new ApiVersionFilter("2.0"))
            .Accepts<JoinFundRequest>("application/json")
            .WithName("JoinFund");
        api.MapPost("/PurchaseUnitTrust", PurchaseAsync)
            .AddEndpointFilter(new ApiVersionFilter("3.0"))
            .Accepts<PurchaseRequest>("application/json")
            .WithName("PurchaseUnitTrust");
        api.MapPost("/FetchInvestorUnitTrustFunds", FetchBalanceAsync)
            .AddEndpointFilter(new ApiVersionFilter("2.0"))
            .Accepts<FetchBalanceRequest>("application/json")
            .WithName("FetchInvestorUnitTrustFunds");
        api.MapPost("/SellUnitTrust", SellAsync)
            .AddEndpointFilter(new ApiVersionFilter("3.0"))
            .Accepts<SellRequest>("application/json")
            .WithName("SellUnitTrust");
        return app;
    }

    public static async Task<Results<Ok<JoinFundResponse>, ValidationProblem, ProblemHttpResult>> JoinFundAsync(
        HttpRequest request,
        HoldingStore holdings,
        SimulatorSettings settings,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, SimulatorJsonContext.Default.JoinFundRequest, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Rejected is { } rejected)
        {
            return rejected;
        }

        var join = body.Value!;
        var errors = new FieldErrors();
        TradeRules.ValidateJoin(join, settings, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var outcome = await holdings.JoinAsync(join.ClientIdentifier!, join.FundShareClassCode!, join.IncomeDistributionMode!, cancellationToken);
        return outcome switch
        {
            OutcomeKind.UnknownInvestor => Problems.UnknownInvestor(join.ClientIdentifier!),
            OutcomeKind.Duplicate => Problems.AlreadyJoined(join.ClientIdentifier!, join.FundShareClassCode!),
            _ => TypedResults.Ok(new JoinFundResponse(join.ClientIdentifier!, join.FundShareClassCode!, "Joined")),
        };
    }

    public static async Task<Results<Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> PurchaseAsync(
        HttpRequest request,
        TradeStore trades,
        SimulatorSettings settings,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, SimulatorJsonContext.Default.PurchaseRequest, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Rejected is { } rejected)
        {
            return rejected;
        }

        var errors = new FieldErrors();
        if (TradeRules.ValidatePurchase(body.Value!, settings, errors) is not { } trade)
        {
            return errors.ToProblem();
        }

        var outcome = await trades.PurchaseAsync(trade, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.UnknownInvestor => Problems.UnknownInvestor(trade.ClientIdentifier),
            OutcomeKind.NotJoined => Problems.NotJoined(trade.ClientIdentifier, trade.FundCode),
            OutcomeKind.ReferenceConflict => Problems.ReferenceConflict("PurchaseRequestReference", trade.Reference),
            _ => TypedResults.Ok(outcome.Response!),
        };
    }

    public static async Task<Results<Ok<FetchBalanceResponse>, ValidationProblem, ProblemHttpResult>> FetchBalanceAsync(
        HttpRequest request,
        HoldingStore holdings,
        FaultPlan faults,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, SimulatorJsonContext.Default.FetchBalanceRequest, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Rejected is { } rejected)
        {
            return rejected;
        }

        var errors = new FieldErrors();
        var clientIdentifier = body.Value!.ClientIdentifier;
        if (!errors.Required("ClientIdentifier", clientIdentifier, 64))
        {
            return errors.ToProblem();
        }

        if (holdings.FetchBalance(clientIdentifier!) is not { } balance)
        {
            return Problems.UnknownInvestor(clientIdentifier!);
        }

        return TypedResults.Ok(faults.MaybeCorrupt(balance));
    }

    public static async Task<Results<Ok<SellResponse>, ValidationProblem, ProblemHttpResult>> SellAsync(
        HttpRequest request,
        TradeStore trades,
        SimulatorSettings settings,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, SimulatorJsonContext.Default.SellRequest, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Rejected is { } rejected)
        {
            return rejected;
        }

        var errors = new FieldErrors();
        if (TradeRules.ValidateSale(body.Value!, settings, errors) is not { } trade)
        {
            return errors.ToProblem();
        }

        var outcome = await trades.SellAsync(trade, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.UnknownInvestor => Problems.UnknownInvestor(trade.ClientIdentifier),
            OutcomeKind.NotJoined => Problems.NotJoined(trade.ClientIdentifier, trade.FundCode),
            OutcomeKind.ReferenceConflict => Problems.ReferenceConflict("SaleRequestReference", trade.Reference),
            OutcomeKind.InsufficientBalance => Problems.InsufficientBalance(trade.FundCode, FixedPoint.Money(trade.Value), outcome.AvailableValue),
            _ => TypedResults.Ok(outcome.Response!),
        };
    }
}
