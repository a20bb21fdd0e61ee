using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Handbook.Validator.Checking;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Handbook.Validator.Register;

/// <summary>
/// The register of submitted records: SQLite (a file path) or PostgreSQL (a connection string, "Host=…"), one schema
/// for both, created and migrated here. A record is kept once per content hash; a re-submission for the same unit,
/// form and date marks the earlier one replaced, and both stay in the table (history).
/// </summary>
public sealed class RegisterStore : IDisposable
{
    /// <summary>The schema, by version; {id} and {blob} are the two words the databases spell differently.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE records (
            id {id},
            hash TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            unit TEXT NOT NULL,
            form TEXT NOT NULL,
            version TEXT,
            record_date TEXT,
            valid INTEGER NOT NULL,
            findings TEXT NOT NULL,
            record_values TEXT NOT NULL,
            added TEXT NOT NULL,
            replaced INTEGER NOT NULL,
            content {blob} NOT NULL);
        CREATE INDEX records_current ON records (unit, form, record_date) WHERE replaced = 0;
        """,
    ];

    private readonly DbConnection connection;
    private readonly bool postgres;

    private RegisterStore(DbConnection connection, bool postgres)
    {
        this.connection = connection;
        this.postgres = postgres;
    }

    /// <summary>Whether --db names a PostgreSQL server rather than an SQLite file.</summary>
    public static bool IsConnectionString(string db) => db.Contains('=', StringComparison.Ordinal);

    public static RegisterStore Open(string db)
    {
        var postgres = IsConnectionString(db);
        DbConnection connection = postgres
            ? new NpgsqlConnection(db)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        var store = new RegisterStore(connection, postgres);
        try
        {
            if (!postgres) store.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    private void Migrate()
    {
        using var transaction = connection.BeginTransaction();
        Execute("CREATE TABLE IF NOT EXISTS register_schema (version INTEGER NOT NULL)", transaction);
        if (Version(transaction) == Migrations.Length)
        {
            transaction.Commit();
            return;
        }
        // Two instances starting at once against one PostgreSQL: the second waits here for the first's migration.
        if (postgres) Execute("LOCK TABLE register_schema IN EXCLUSIVE MODE", transaction);
        var version = Version(transaction);
        for (var v = version; v < Migrations.Length; v++)
        {
            var sql = Migrations[v]
                .Replace("{id}", postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY", StringComparison.Ordinal)
                .Replace("{blob}", postgres ? "BYTEA" : "BLOB", StringComparison.Ordinal);
            Execute(sql, transaction);
            Execute($"INSERT INTO register_schema (version) VALUES ({(v + 1).ToString(CultureInfo.InvariantCulture)})", transaction);
        }
        transaction.Commit();
    }

    private int Version(DbTransaction transaction) =>
        Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM register_schema", transaction), CultureInfo.InvariantCulture);

    public static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>What adding one record did.</summary>
    public enum Outcome { Added, Replaced, Duplicate }

    /// <summary>Stores records in one transaction (the caller batches); returns what happened to each.</summary>
    public List<Outcome> Add(IReadOnlyList<(RegisteredRecord Record, RecordValues? Values, byte[] Data)> batch, DateTimeOffset added)
    {
        var outcomes = new List<Outcome>(batch.Count);
        using var transaction = connection.BeginTransaction();
        // ON CONFLICT: an instance sharing the database that stores the same file at the same moment makes this a
        // duplicate, not an error.
        using var insert = Command(
            """
            INSERT INTO records (hash, path, unit, form, version, record_date, valid, findings, record_values, added, replaced, content)
            VALUES (@hash, @path, @unit, @form, @version, @date, @valid, @findings, @values, @added, 0, @content)
            ON CONFLICT (hash) DO NOTHING
            """, transaction, "hash", "path", "unit", "form", "version", "date", "valid", "findings", "values", "added", "content");
        using var replace = Command(
            "UPDATE records SET replaced = 1 WHERE replaced = 0 AND unit = @unit AND form = @form AND record_date = @date AND hash <> @hash",
            transaction, "unit", "form", "date", "hash");
        var addedText = added.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var (record, values, data) in batch)
        {
            var hash = Hash(data);
            var date = record.Date is { } d ? DateText(d) : null;
            Set(insert, hash, record.Path, record.Unit, record.Form, record.Version, date, record.Valid ? 1 : 0, record.Findings,
                JsonSerializer.Serialize(values?.All ?? new Dictionary<string, string>()), addedText, data);
            if (insert.ExecuteNonQuery() == 0)
            {
                outcomes.Add(Outcome.Duplicate);
                continue;
            }
            var replaced = 0;
            if (date is not null && record.Unit.Length > 0)
            {
                Set(replace, record.Unit, record.Form, date, hash);
                replaced = replace.ExecuteNonQuery();
            }
            outcomes.Add(replaced > 0 ? Outcome.Replaced : Outcome.Added);
        }
        transaction.Commit();
        return outcomes;
    }

    /// <summary>The records in force (not replaced), streamed without their files.</summary>
    public IEnumerable<RegisteredRecord> Current()
    {
        using var command = Command("SELECT path, unit, form, version, record_date, valid, findings FROM records WHERE replaced = 0 ORDER BY id", null);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new RegisteredRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture) != 0, reader.GetString(6));
    }

    /// <summary>Every stored record's id, path and file, for re-checking; streamed one at a time.</summary>
    public IEnumerable<(long Id, string Path, byte[] Data)> Files()
    {
        using var command = Command("SELECT id, path, content FROM records ORDER BY id", null);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), (byte[])reader.GetValue(2));
    }

    /// <summary>Writes a stored record's new check results (after a form changed); its place in the history stays.</summary>
    public void Update(IReadOnlyList<(long Id, RegisteredRecord Record, RecordValues? Values)> batch)
    {
        using var transaction = connection.BeginTransaction();
        using var update = Command(
            """
            UPDATE records SET unit = @unit, form = @form, version = @version, record_date = @date, valid = @valid,
                findings = @findings, record_values = @values WHERE id = @id
            """, transaction, "unit", "form", "version", "date", "valid", "findings", "values", "id");
        foreach (var (id, record, values) in batch)
        {
            Set(update, record.Unit, record.Form, record.Version, record.Date is { } d ? DateText(d) : null, record.Valid ? 1 : 0,
                record.Findings, JsonSerializer.Serialize(values?.All ?? new Dictionary<string, string>()), id);
            update.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Deletes every record (tests and the benchmark sharing one PostgreSQL database start from empty).</summary>
    public void Clear() => Execute("DELETE FROM records");

    /// <summary>How many records the table holds, replaced ones included.</summary>
    public long Count() => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM records", null), CultureInfo.InvariantCulture);

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DbCommand Command(string sql, DbTransaction? transaction, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private void Execute(string sql, DbTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, DbTransaction? transaction)
    {
        using var command = Command(sql, transaction);
        return command.ExecuteScalar();
    }

    public void Dispose() => connection.Dispose();
}
