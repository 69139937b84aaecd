using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>
/// Purchases and sales. Each runs as one write transaction: the idempotency check, the holding
/// change and the stored answer commit together, so a reference is applied once or not at all.
/// </summary>
internal sealed class TradeStore(SimulatorDatabase database, TimeProvider time)
{
    private const string PurchaseKind = "purchase";
    private const string SaleKind = "sale";

    public Task<TradeOutcome<PurchaseResponse>> PurchaseAsync(Trade trade, CancellationToken cancellationToken)
        => database.WriteAsync(transaction => Purchase(database, transaction, trade), cancellationToken);

    public Task<TradeOutcome<SellResponse>> SellAsync(Trade trade, CancellationToken cancellationToken)
        => database.WriteAsync(transaction => Sell(database, transaction, trade), cancellationToken);

    private TradeOutcome<PurchaseResponse> Purchase(SimulatorDatabase database, SqliteTransaction transaction, Trade trade)
    {
        if (OpenHolding(database, transaction, PurchaseKind, trade, SimulatorJsonContext.Default.PurchaseResponse, out var investorId, out var units) is { } settled)
        {
            return settled;
        }

        var allotted = FixedPoint.UnitsAllotted(trade.Value, trade.UnitPrice);
        var after = units + allotted;
        var id = SetUnits(database, transaction, investorId, trade, after);
        var response = new PurchaseResponse(
            id,
            trade.ClientIdentifier,
            trade.FundCode,
            FixedPoint.Money(trade.Value),
            FixedPoint.Price(trade.UnitPrice),
            FixedPoint.Units(allotted),
            new HoldingBalance(FixedPoint.Units(after), FixedPoint.MarketValue(after, trade.UnitPrice)));
        Record(database, transaction, id, PurchaseKind, trade, investorId, allotted, JsonSerializer.Serialize(response, SimulatorJsonContext.Default.PurchaseResponse));
        return new TradeOutcome<PurchaseResponse>(OutcomeKind.Done, response);
    }

    private TradeOutcome<SellResponse> Sell(SimulatorDatabase database, SqliteTransaction transaction, Trade trade)
    {
        if (OpenHolding(database, transaction, SaleKind, trade, SimulatorJsonContext.Default.SellResponse, out var investorId, out var units) is { } settled)
        {
            return settled;
        }

        // Market value is rounded down and redeemed units rounded up, so a sale within the market
        // value never needs more units than the holding has; the second test is a safety net.
        var redeemed = FixedPoint.UnitsRedeemed(trade.Value, trade.UnitPrice);
        var marketValue = FixedPoint.MarketValue(units, trade.UnitPrice);
        if (trade.Value > marketValue || redeemed > units)
        {
            return new TradeOutcome<SellResponse>(OutcomeKind.InsufficientBalance, null, marketValue);
        }

        var after = units - redeemed;
        var id = SetUnits(database, transaction, investorId, trade, after);
        var response = new SellResponse(
            id,
            trade.ClientIdentifier,
            trade.FundCode,
            FixedPoint.Money(trade.Value),
            FixedPoint.Price(trade.UnitPrice),
            FixedPoint.Units(redeemed),
            new HoldingBalance(FixedPoint.Units(after), FixedPoint.MarketValue(after, trade.UnitPrice)));
        Record(database, transaction, id, SaleKind, trade, investorId, -redeemed, JsonSerializer.Serialize(response, SimulatorJsonContext.Default.SellResponse));
        return new TradeOutcome<SellResponse>(OutcomeKind.Done, response);
    }

    /// <summary>
    /// What purchases and sales check first: a replayed or conflicting reference, an unknown investor, a fund not
    /// joined. Returns that outcome, or null with the investor and the holding's units when the trade may go ahead.
    /// </summary>
    private static TradeOutcome<T>? OpenHolding<T>(
        SimulatorDatabase database, SqliteTransaction transaction, string kind, Trade trade, JsonTypeInfo<T> typeInfo, out long investorId, out long units)
        where T : class
    {
        units = 0;
        investorId = 0;
        if (FindPrevious(database, transaction, kind, trade, typeInfo) is { } previous)
        {
            return previous;
        }

        investorId = InvestorStore.FindId(database, transaction, trade.ClientIdentifier);
        if (investorId == 0)
        {
            return TradeOutcome<T>.Failed(OutcomeKind.UnknownInvestor);
        }

        units = HoldingStore.HoldingUnits(database, transaction, investorId, trade.FundCode);
        return units < 0 ? TradeOutcome<T>.Failed(OutcomeKind.NotJoined) : null;
    }

    /// <summary>Stores the holding's new units and returns the trade's transaction id.</summary>
    private static long SetUnits(SimulatorDatabase database, SqliteTransaction transaction, long investorId, Trade trade, long units)
    {
        HoldingStore.SetHoldingUnits(database, transaction, investorId, trade.FundCode, units);
        return NextTransactionId(database, transaction);
    }

    /// <summary>The earlier answer for this reference (replayed or conflicting), or null when it is new.</summary>
    private static TradeOutcome<T>? FindPrevious<T>(SimulatorDatabase database, SqliteTransaction transaction, string kind, Trade trade, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var command = database.WriterCommand(transaction, "SELECT request_key, response FROM transactions WHERE kind = $k AND reference = $r");
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$r", trade.Reference);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        if (!string.Equals(reader.GetString(0), trade.RequestKey, StringComparison.Ordinal))
        {
            return TradeOutcome<T>.Failed(OutcomeKind.ReferenceConflict);
        }

        return new TradeOutcome<T>(OutcomeKind.Replayed, JsonSerializer.Deserialize(reader.GetString(1), typeInfo));
    }

    // Safe without AUTOINCREMENT races because every write holds the single writer.
    private static long NextTransactionId(SimulatorDatabase database, SqliteTransaction transaction)
    {
        var command = database.WriterCommand(transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM transactions");
        return (long)command.ExecuteScalar()!;
    }

    private void Record(SimulatorDatabase database, SqliteTransaction transaction, long id, string kind, Trade trade, long investorId, long units, string response)
    {
        var command = database.WriterCommand(transaction, """
            INSERT INTO transactions (id, kind, reference, request_key, investor_id, fund_code, units, response, created_at)
            VALUES ($id, $k, $r, $key, $i, $f, $u, $resp, $at)
            """);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$r", trade.Reference);
        command.Parameters.AddWithValue("$key", trade.RequestKey);
        command.Parameters.AddWithValue("$i", investorId);
        command.Parameters.AddWithValue("$f", trade.FundCode);
        command.Parameters.AddWithValue("$u", units);
        command.Parameters.AddWithValue("$resp", response);
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
