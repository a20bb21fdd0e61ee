using System.Threading.Channels;

namespace Handbook.Publisher.Serve;

/// <summary>
/// Watches the handbook and templates folders and hands the changed files, a batch at a time, to one handler on one
/// thread: an editor's save is several events (write, rename, attributes), gathered until the folder is quiet for
/// <see cref="Quiet"/>. Editors' scratch files (hidden, backups, swap files) are not changes.
/// </summary>
internal sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(15);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SourceWatcher(IEnumerable<string> folders, Action<IReadOnlyCollection<string>> changed)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => Add(e.FullPath);
            watcher.Created += (_, e) => Add(e.FullPath);
            watcher.Deleted += (_, e) => Add(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Add(e.OldFullPath);
                Add(e.FullPath);
            };
            // Events were lost (too many at once): say that everything changed.
            watcher.Error += (_, _) => Add(folder + Path.DirectorySeparatorChar);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
        _loop = Task.Run(() => Loop(changed));
    }

    private void Add(string path)
    {
        if (!Scratch(Path.GetFileName(path))) _events.Writer.TryWrite(path);
    }

    private static bool Scratch(string name) =>
        name.StartsWith('.') || name.EndsWith('~') || name.StartsWith('#') || name == "4913"
        || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal);

    private async Task Loop(Action<IReadOnlyCollection<string>> changed)
    {
        var reader = _events.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                var batch = new HashSet<string>(StringComparer.Ordinal);
                do
                {
                    while (reader.TryRead(out var path)) batch.Add(path);
                    await Task.Delay(Quiet, _stop.Token);
                }
                while (reader.TryPeek(out _));
                changed(batch);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _stop.Cancel();
        _loop.Wait(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }
}
