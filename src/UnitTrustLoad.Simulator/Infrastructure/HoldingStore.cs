using Microsoft.Data.Sqlite;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>Which funds an investor has joined and how many units each holding has.</summary>
internal sealed class HoldingStore(SimulatorDatabase database, SimulatorSettings settings)
{
    private const string BalanceQuery = """
        SELECT h.fund_code, h.units
        FROM investors i LEFT JOIN holdings h ON h.investor_id = i.id
        WHERE i.client_identifier = $c
        """;

    public Task<OutcomeKind> JoinAsync(string clientIdentifier, string fundCode, string incomeMode, CancellationToken cancellationToken)
        => database.WriteAsync(transaction =>
        {
            var investorId = InvestorStore.FindId(database, transaction, clientIdentifier);
            if (investorId == 0)
            {
                return OutcomeKind.UnknownInvestor;
            }

            var insert = database.WriterCommand(transaction, """
                INSERT INTO holdings (investor_id, fund_code, income_mode) VALUES ($i, $f, $m)
                ON CONFLICT (investor_id, fund_code) DO NOTHING
                """);
            insert.Parameters.AddWithValue("$i", investorId);
            insert.Parameters.AddWithValue("$f", fundCode);
            insert.Parameters.AddWithValue("$m", incomeMode);
            return insert.ExecuteNonQuery() == 1 ? OutcomeKind.Done : OutcomeKind.Duplicate;
        }, cancellationToken);

    /// <summary>Every joined fund with its units and value; null when the investor is unknown.</summary>
    public FetchBalanceResponse? FetchBalance(string clientIdentifier)
    {
        var command = database.RentQuery(BalanceQuery);
        try
        {
            command.Parameters.AddWithValue("$c", clientIdentifier);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadBalance(clientIdentifier, reader) : null;
        }
        finally
        {
            database.ReturnQuery(command);
        }
    }

    private FetchBalanceResponse ReadBalance(string clientIdentifier, SqliteDataReader reader)
    {
        var funds = new List<FundBalance>(settings.FundCodes.Length);
        var total = 0m;
        do
        {
            if (reader.IsDBNull(0))
            {
                break; // Registered but has joined no fund.
            }

            var code = reader.GetString(0);
            var units = reader.GetInt64(1);
            var price = settings.FundPrices.GetValueOrDefault(code);
            var value = FixedPoint.MarketValue(units, price);
            total += value;
            funds.Add(new FundBalance(code, FixedPoint.Units(units), FixedPoint.Price(price), value, "KES"));
        }
        while (reader.Read());

        return new FetchBalanceResponse(clientIdentifier, [.. funds], FixedPoint.Money(total));
    }

    /// <summary>The holding's units, or -1 when the investor has not joined the fund.</summary>
    public static long HoldingUnits(SimulatorDatabase database, SqliteTransaction transaction, long investorId, string fundCode)
    {
        var command = database.WriterCommand(transaction, "SELECT units FROM holdings WHERE investor_id = $i AND fund_code = $f");
        command.Parameters.AddWithValue("$i", investorId);
        command.Parameters.AddWithValue("$f", fundCode);
        return command.ExecuteScalar() is long units ? units : -1;
    }

    public static void SetHoldingUnits(SimulatorDatabase database, SqliteTransaction transaction, long investorId, string fundCode, long units)
    {
        var command = database.WriterCommand(transaction, "UPDATE holdings SET units = $u WHERE investor_id = $i AND fund_code = $f");
        command.Parameters.AddWithValue("$u", units);
        command.Parameters.AddWithValue("$i", investorId);
        command.Parameters.AddWithValue("$f", fundCode);
        command.ExecuteNonQuery();
    }
}
