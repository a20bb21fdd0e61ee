using System.Collections.Concurrent;
using System.Diagnostics;

namespace Handbook.Validator.Running;

/// <summary>Validates many records on several threads; results come back in input order.</summary>
public static class ValidationRun
{
    /// <param name="progress">Called after each record (from worker threads).</param>
    public static RunReport Run(RecordValidator validator, IReadOnlyList<RecordSource> sources, int jobs, Action? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var reports = new FileReport[sources.Count];
        // No buffering: at most one record's bytes per worker are held at a time.
        var partitioner = Partitioner.Create(Enumerable.Range(0, sources.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            var source = sources[i];
            var (data, problem) = source.Read(validator.Limits);
            reports[i] = problem is not null ? new FileReport(source.Path, null, [problem]) : validator.Validate(source.Path, data);
            progress?.Invoke();
        });
        return new RunReport(reports, watch.Elapsed);
    }
}
