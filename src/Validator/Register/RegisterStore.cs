using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
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

    public static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>What adding one record did.</summary>
    public enum Outcome { Added, Replaced, Duplicate }

    /// <summary>
    /// Stores records in one transaction (the caller batches); returns what happened to each, as if they had been
    /// stored one after the other: a file already stored (or earlier in the batch) is a duplicate; a record replaces
    /// the current one for its unit, form and date, and the last of the batch for one of them is the one in force.
    /// </summary>
    public List<Outcome> Add(IReadOnlyList<(RegisteredRecord Record, RecordValues? Values, byte[] Data)> batch, DateTimeOffset added)
    {
        var rows = new List<Row>(batch.Count);
        var first = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var (record, values, data) = batch[i];
            var hash = Hash(data);
            if (!first.Add(hash)) continue;
            rows.Add(new Row(i, hash, record, record.Date is { } d ? DateText(d) : null, ValuesJson(values), data));
        }
        using var transaction = connection.BeginTransaction();
        var addedText = added.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var inserted = postgres ? InsertAll(rows, addedText, transaction) : InsertEach(rows, addedText, transaction);
        var stored = rows.Where(r => inserted.Contains(r.Hash)).ToList();
        // Only the batch's last record for a unit, form and date is in force; it replaces every other one.
        var latest = stored.Where(r => r.Key is not null).GroupBy(r => r.Key!.Value).Select(g => g.Last()).ToList();
        var replacedBefore = postgres ? ReplaceAll(latest, transaction) : ReplaceEach(latest, transaction);
        transaction.Commit();

        var keysBefore = replacedBefore.Where(r => !inserted.Contains(r.Hash)).Select(r => r.Key).ToHashSet();
        var outcomes = Enumerable.Repeat(Outcome.Duplicate, batch.Count).ToList();
        var seen = new HashSet<(string, string, string)>();
        foreach (var row in stored)
            outcomes[row.Index] = row.Key is { } key && (!seen.Add(key) || keysBefore.Contains(key)) ? Outcome.Replaced : Outcome.Added;
        return outcomes;
    }

    /// <summary>One record to store. Key: its unit, form and date, by which a later record replaces it (none without a unit or date).</summary>
    private sealed record Row(int Index, string Hash, RegisteredRecord Record, string? Date, string Values, byte[] Data)
    {
        public (string Unit, string Form, string Date)? Key => Date is not null && Record.Unit.Length > 0 ? (Record.Unit, Record.Form, Date) : null;
    }

    // ON CONFLICT: an instance sharing the database that stores the same file at the same moment makes this a
    // duplicate, not an error.
    private const string InsertColumns = "INSERT INTO records (hash, path, unit, form, version, record_date, valid, findings, record_values, added, replaced, content)";

    /// <summary>SQLite: a statement a row (in-process, each is cheap). Returns the hashes stored.</summary>
    private HashSet<string> InsertEach(List<Row> rows, string added, DbTransaction transaction)
    {
        using var insert = Command(
            $"{InsertColumns} VALUES (@hash, @path, @unit, @form, @version, @date, @valid, @findings, @values, @added, 0, @content) ON CONFLICT (hash) DO NOTHING",
            transaction, "hash", "path", "unit", "form", "version", "date", "valid", "findings", "values", "added", "content");
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var r = row.Record;
            Set(insert, row.Hash, r.Path, r.Unit, r.Form, r.Version, row.Date, r.Valid ? 1 : 0, r.Findings, row.Values, added, row.Data);
            if (insert.ExecuteNonQuery() > 0) inserted.Add(row.Hash);
        }
        return inserted;
    }

    /// <summary>
    /// PostgreSQL: the whole batch as arrays in one statement, so the server parses, plans and answers once per
    /// batch rather than once per record (a statement per record cost the server more CPU than validating the record).
    /// </summary>
    private HashSet<string> InsertAll(List<Row> rows, string added, DbTransaction transaction)
    {
        using var insert = new NpgsqlCommand(
            $"""
            {InsertColumns}
            SELECT hash, path, unit, form, version, record_date, valid, findings, record_values, @added, 0, content
            FROM unnest(@hash, @path, @unit, @form, @version, @date, @valid, @findings, @values, @content)
                AS n(hash, path, unit, form, version, record_date, valid, findings, record_values, content)
            ON CONFLICT (hash) DO NOTHING RETURNING hash
            """, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        insert.Parameters.AddWithValue("added", added);
        insert.Parameters.AddWithValue("hash", rows.Select(r => r.Hash).ToArray());
        insert.Parameters.AddWithValue("path", rows.Select(r => r.Record.Path).ToArray());
        insert.Parameters.AddWithValue("unit", rows.Select(r => r.Record.Unit).ToArray());
        insert.Parameters.AddWithValue("form", rows.Select(r => r.Record.Form).ToArray());
        insert.Parameters.AddWithValue("version", rows.Select(r => r.Record.Version).ToArray());
        insert.Parameters.AddWithValue("date", rows.Select(r => r.Date).ToArray());
        insert.Parameters.AddWithValue("valid", rows.Select(r => r.Record.Valid ? 1 : 0).ToArray());
        insert.Parameters.AddWithValue("findings", rows.Select(r => r.Record.Findings).ToArray());
        insert.Parameters.AddWithValue("values", rows.Select(r => r.Values).ToArray());
        insert.Parameters.AddWithValue("content", rows.Select(r => r.Data).ToArray());
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        using var reader = insert.ExecuteReader();
        while (reader.Read()) inserted.Add(reader.GetString(0));
        return inserted;
    }

    private const string Replace = "UPDATE records SET replaced = 1";

    /// <summary>SQLite: marks replaced the current records of each row's unit, form and date but the row; returns them.</summary>
    private List<(string Hash, (string, string, string) Key)> ReplaceEach(List<Row> latest, DbTransaction transaction)
    {
        using var replace = Command(
            $"{Replace} WHERE replaced = 0 AND unit = @unit AND form = @form AND record_date = @date AND hash <> @hash RETURNING hash",
            transaction, "unit", "form", "date", "hash");
        var replaced = new List<(string, (string, string, string))>();
        foreach (var row in latest)
        {
            var key = row.Key!.Value;
            Set(replace, key.Unit, key.Form, key.Date, row.Hash);
            using var reader = replace.ExecuteReader();
            while (reader.Read()) replaced.Add((reader.GetString(0), key));
        }
        return replaced;
    }

    /// <summary>PostgreSQL: the same in one statement for the batch.</summary>
    private List<(string Hash, (string, string, string) Key)> ReplaceAll(List<Row> latest, DbTransaction transaction)
    {
        var replaced = new List<(string, (string, string, string))>();
        if (latest.Count == 0) return replaced;
        using var replace = new NpgsqlCommand(
            $"""
            {Replace} FROM unnest(@unit, @form, @date, @hash) AS n(unit, form, record_date, hash)
            WHERE records.replaced = 0 AND records.unit = n.unit AND records.form = n.form AND records.record_date = n.record_date
                AND records.hash <> n.hash
            RETURNING records.hash, records.unit, records.form, records.record_date
            """, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        replace.Parameters.AddWithValue("unit", latest.Select(r => r.Key!.Value.Unit).ToArray());
        replace.Parameters.AddWithValue("form", latest.Select(r => r.Key!.Value.Form).ToArray());
        replace.Parameters.AddWithValue("date", latest.Select(r => r.Key!.Value.Date).ToArray());
        replace.Parameters.AddWithValue("hash", latest.Select(r => r.Hash).ToArray());
        using var reader = replace.ExecuteReader();
        while (reader.Read()) replaced.Add((reader.GetString(0), (reader.GetString(1), reader.GetString(2), reader.GetString(3))));
        return replaced;
    }

    private static string ValuesJson(RecordValues? values) => JsonSerializer.Serialize(values?.All ?? NoValues, Json.IReadOnlyDictionaryStringString);

    /// <summary>Chinese as itself rather than \u escapes: half the bytes a row (and readable in the database).</summary>
    private static readonly RegisterJson Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

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
                record.Findings, ValuesJson(values), id);
            update.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>
    /// Deletes every record (tests and the benchmark sharing one PostgreSQL database start from empty); TRUNCATE there
    /// leaves no dead rows for the server to vacuum during the next run.
    /// </summary>
    public void Clear() => Execute(postgres ? "TRUNCATE records" : "DELETE FROM records");

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

/// <summary>The extracted values as JSON, source-generated (the publisher that links this is compiled ahead of time).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class RegisterJson : JsonSerializerContext;
