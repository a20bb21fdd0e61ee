using Handbook.Validator.Checking;
using Handbook.Validator.Findings;
using Handbook.Validator.Running;

namespace Handbook.Validator.Register;

/// <summary>
/// Validates records with the validator and stores them, a batch at a time: the records of one batch are checked on
/// several threads, then written in one transaction, so memory holds two batches however many records there are.
/// This is also what a server calls to store one record it has validated (<see cref="Store"/>).
/// </summary>
public sealed class RecordRegistrar(RecordValidator validator, RecordPlacer placer, RegisterStore store, int jobs)
{
    private const int BatchSize = 256;

    public sealed record Totals(int Added, int Replaced, int Duplicates, int Invalid);

    public Totals AddAll(IReadOnlyList<RecordSource> sources, Action? progress = null)
    {
        int added = 0, replaced = 0, duplicates = 0, invalid = 0;
        // A batch is stored while the next one is checked, so that the cores validate while the database writes.
        Task<List<RegisterStore.Outcome>>? storing = null;
        foreach (var chunk in sources.Chunk(BatchSize))
        {
            var batch = new (RegisteredRecord, RecordValues?, byte[])[chunk.Length];
            Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
            {
                var (data, problem) = chunk[i].Read(validator.Limits);
                batch[i] = problem is not null
                    ? (placer.Place(new FileReport(chunk[i].Path, null, [problem]), null, [problem]), null, [])
                    : Checked(chunk[i].Path, data.ToArray());
                progress?.Invoke();
            });
            // A file that could not be read has nothing to keep: it is reported, not stored.
            var readable = batch.Where(b => b.Item3.Length > 0).ToList();
            invalid += batch.Count(b => !b.Item1.Valid);
            Count(storing);
            storing = Task.Run(() => store.Add(readable, DateTimeOffset.UtcNow));
        }
        Count(storing);
        return new Totals(added, replaced, duplicates, invalid);

        void Count(Task<List<RegisterStore.Outcome>>? stored)
        {
            // GetResult: a database error comes out as itself, not wrapped, for the caller to report.
            foreach (var outcome in stored?.GetAwaiter().GetResult() ?? [])
            {
                if (outcome == RegisterStore.Outcome.Added) added++;
                else if (outcome == RegisterStore.Outcome.Replaced) replaced++;
                else duplicates++;
            }
        }
    }

    /// <summary>Validates and stores one record (for a server receiving it); returns the validator's report with the register's findings.</summary>
    public (FileReport Report, RegisterStore.Outcome Outcome) Store(string path, byte[] data)
    {
        var (record, values, report) = placer.Check(validator, path, data);
        var outcome = store.Add([(record, values, data)], DateTimeOffset.UtcNow)[0];
        return (report, outcome);
    }

    private (RegisteredRecord, RecordValues?, byte[]) Checked(string path, byte[] data)
    {
        var (record, values, _) = placer.Check(validator, path, data);
        return (record, values, data);
    }

    /// <summary>Re-checks every stored record against the current forms; returns how many are now invalid.</summary>
    public (int Records, int Invalid) Revalidate()
    {
        int count = 0, invalid = 0;
        // Read everything first: SQLite and PostgreSQL both refuse writes on a connection with an open reader.
        var updates = new List<(long, RegisteredRecord, RecordValues?)>();
        foreach (var chunk in store.Files().Chunk(BatchSize))
        {
            var results = new (long, RegisteredRecord, RecordValues?)[chunk.Length];
            Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
            {
                var (record, values, _) = placer.Check(validator, chunk[i].Path, chunk[i].Data);
                results[i] = (chunk[i].Id, record, values);
            });
            updates.AddRange(results);
            count += results.Length;
            invalid += results.Count(r => !r.Item2.Valid);
        }
        foreach (var chunk in updates.Chunk(BatchSize)) store.Update(chunk);
        return (count, invalid);
    }
}
