using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using UnitTrustLoad.Simulator.Hosting;

namespace UnitTrustLoad.Simulator.Infrastructure;

/// <summary>
/// The SQLite file. SQLite allows one writer, so every change goes through <see cref="WriteAsync{T}"/>:
/// one open connection, one caller at a time, one transaction per call, which is what keeps balances
/// exact under concurrency. Reads use pooled connections and run in parallel (WAL mode).
/// </summary>
internal sealed class SimulatorDatabase : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS investors (
            id INTEGER PRIMARY KEY,
            client_identifier TEXT NOT NULL UNIQUE,
            id_number INTEGER NOT NULL UNIQUE,
            first_name TEXT NOT NULL,
            surname TEXT NOT NULL,
            date_of_birth TEXT NOT NULL,
            phone_number TEXT NOT NULL,
            email_address TEXT NOT NULL,
            pin TEXT NOT NULL,
            bank TEXT NOT NULL,
            registered_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS holdings (
            investor_id INTEGER NOT NULL REFERENCES investors(id),
            fund_code TEXT NOT NULL,
            income_mode TEXT NOT NULL,
            units INTEGER NOT NULL DEFAULT 0 CHECK (units >= 0),
            PRIMARY KEY (investor_id, fund_code)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS transactions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            reference TEXT NOT NULL,
            request_key TEXT NOT NULL,
            investor_id INTEGER NOT NULL,
            fund_code TEXT NOT NULL,
            units INTEGER NOT NULL,
            response TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (kind, reference));
        """;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _writerCommands = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<SqliteCommand> _balanceQueries = [];
    private readonly SqliteConnection _writer;
    private readonly string _readConnectionString;
    private readonly SimulatorSettings _settings;

    public SimulatorDatabase(SimulatorSettings settings)
    {
        _settings = settings;
        Directory.CreateDirectory(Path.GetDirectoryName(settings.DatabasePath)!);
        // The writer lives as long as the simulator, so it is kept out of the pool.
        var builder = new SqliteConnectionStringBuilder { DataSource = settings.DatabasePath, Pooling = false };
        _writer = new SqliteConnection(builder.ConnectionString);
        _writer.Open();
        using (var command = _writer.CreateCommand())
        {
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }

        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = true;
        _readConnectionString = builder.ConnectionString;
    }

    /// <summary>Runs <paramref name="work"/> alone, inside one transaction, committed when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _writer.BeginTransaction();
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// A prepared statement on the writer connection, made once per SQL text and reused (preparing
    /// costs more than running these small statements). Call only inside <see cref="WriteAsync{T}"/>.
    /// </summary>
    public SqliteCommand WriterCommand(SqliteTransaction transaction, string sql)
    {
        if (!_writerCommands.TryGetValue(sql, out var command))
        {
            command = _writer.CreateCommand();
            command.CommandText = sql;
            _writerCommands[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// A prepared read-only query on its own connection, taken from a small pool so parallel reads
    /// neither share a connection nor prepare the statement again. Give it back with <see cref="ReturnQuery"/>.
    /// </summary>
    public SqliteCommand RentQuery(string sql)
    {
        if (_balanceQueries.TryTake(out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void ReturnQuery(SqliteCommand command)
    {
        if (_balanceQueries.Count < 64)
        {
            _balanceQueries.Add(command);
            return;
        }

        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }

    public void Dispose()
    {
        foreach (var command in _writerCommands.Values)
        {
            command.Dispose();
        }

        while (_balanceQueries.TryTake(out var query))
        {
            var connection = query.Connection;
            query.Dispose();
            connection?.Dispose();
        }

        _writer.Dispose();
        _writeGate.Dispose();
        using (var pooled = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        if (_settings.TemporaryDatabase)
        {
            DeleteQuietly(_settings.DatabasePath);
            DeleteQuietly(_settings.DatabasePath + "-wal");
            DeleteQuietly(_settings.DatabasePath + "-shm");
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file still held open elsewhere stays in the temp folder; nothing else depends on it.
        }
    }
}
