using System.Runtime.CompilerServices;
using UnitTrustLoad.Configuration;
using UnitTrustLoad.Engine.Scenarios;
using UnitTrustLoad.Investors;

namespace UnitTrustLoad.Scenarios;

/// <summary>
/// The original k6 script's iteration: register → join the fund → purchase → fetch the balance (checked against the
/// ledger) → sell part of what the balance shows. A step each; the first failure ends the iteration.
/// </summary>
internal sealed class JourneyScenario(ScenarioServices services, ThinkTimer think)
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Response> RunAsync(IScenarioContext context)
    {
        var (steps, faker, _, investors, ledger) = services;
        investors.Enter();
        var investor = faker.Next();
        var record = InvestorRecord.For(investor, ScenarioNames.Journey);
        var registered = false;
        try
        {
            var register = await steps.RegisterAsync(investor, record, context);
            if (register.IsError)
            {
                return register;
            }

            registered = true;
            await think.PauseAsync(context, 0);
            var join = await steps.JoinAsync(investor, record, context);
            if (join.IsError)
            {
                return join;
            }

            await think.PauseAsync(context, 1);
            var purchase = await steps.PurchaseAsync(investor, steps.PurchaseValueFor(investor), record, context);
            if (purchase.IsError)
            {
                return purchase;
            }

            await think.PauseAsync(context, 2);
            var balance = await steps.BalanceAsync(investor, record, context, ScenarioNames.Journey);
            if (balance.IsError)
            {
                return balance;
            }

            var saleValue = steps.SaleValueFor(balance.Payload!);
            if (saleValue <= 0m)
            {
                return Response.Fail("nothing_to_sell", "the balance showed no market value to sell");
            }

            await think.PauseAsync(context, 3);
            var sale = await steps.SellAsync(investor, saleValue, record, context);
            ledger.Offer(investor);
            if (sale.IsError)
            {
                return sale;
            }

            // The iteration's traffic is all five steps', not just the last one's.
            return Response.Ok(
                sale.StatusCode,
                register.BytesSent + join.BytesSent + purchase.BytesSent + balance.Outcome.BytesSent + sale.BytesSent,
                register.BytesReceived + join.BytesReceived + purchase.BytesReceived + balance.Outcome.BytesReceived + sale.BytesReceived);
        }
        finally
        {
            if (registered)
            {
                investors.Write(record);
            }

            investors.Exit();
        }
    }
}
