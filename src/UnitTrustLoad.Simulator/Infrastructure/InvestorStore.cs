using System.Globalization;
using Microsoft.Data.Sqlite;

namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>Investors: registration and lookup by ClientIdentifier.</summary>
internal sealed class InvestorStore(SimulatorDatabase database, TimeProvider time)
{
    public Task<RegisterOutcome> RegisterAsync(NewInvestor investor, CancellationToken cancellationToken)
        => database.WriteAsync(transaction => Register(database, transaction, investor), cancellationToken);

    /// <summary>The investor's row id, or 0 when no investor has that ClientIdentifier.</summary>
    public static long FindId(SimulatorDatabase database, SqliteTransaction transaction, string clientIdentifier)
    {
        var command = database.WriterCommand(transaction, "SELECT id FROM investors WHERE client_identifier = $c");
        command.Parameters.AddWithValue("$c", clientIdentifier);
        return command.ExecuteScalar() is long id ? id : 0;
    }

    private RegisterOutcome Register(SimulatorDatabase database, SqliteTransaction transaction, NewInvestor investor)
    {
        // Checked before inserting so a duplicate is an answer, not a constraint exception.
        {
            var check = database.WriterCommand(transaction, """
                SELECT (SELECT 1 FROM investors WHERE client_identifier = $c),
                       (SELECT 1 FROM investors WHERE id_number = $n)
                """);
            check.Parameters.AddWithValue("$c", investor.ClientIdentifier);
            check.Parameters.AddWithValue("$n", investor.IdNumber);
            using var reader = check.ExecuteReader();
            reader.Read();
            if (!reader.IsDBNull(0))
            {
                return RegisterOutcome.DuplicateClientIdentifier();
            }

            if (!reader.IsDBNull(1))
            {
                return RegisterOutcome.DuplicateIdNumber();
            }
        }

        var insert = database.WriterCommand(transaction, """
            INSERT INTO investors (client_identifier, id_number, first_name, surname, date_of_birth,
                                   phone_number, email_address, pin, bank, registered_at)
            VALUES ($c, $n, $f, $s, $d, $p, $e, $pin, $b, $at)
            RETURNING id
            """);
        insert.Parameters.AddWithValue("$c", investor.ClientIdentifier);
        insert.Parameters.AddWithValue("$n", investor.IdNumber);
        insert.Parameters.AddWithValue("$f", investor.FirstName);
        insert.Parameters.AddWithValue("$s", investor.Surname);
        insert.Parameters.AddWithValue("$d", investor.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$p", investor.PhoneNumber);
        insert.Parameters.AddWithValue("$e", investor.EmailAddress);
        insert.Parameters.AddWithValue("$pin", investor.Pin);
        insert.Parameters.AddWithValue("$b", investor.Bank);
        insert.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return RegisterOutcome.Registered((long)insert.ExecuteScalar()!);
    }
}
