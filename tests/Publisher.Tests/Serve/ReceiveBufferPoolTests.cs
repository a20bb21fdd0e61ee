using System.Runtime.InteropServices;
using Handbook.Publisher.Serve;

namespace Handbook.Tests.Serve;

/// <summary>The memory the server reads connections into.</summary>
public sealed class ReceiveBufferPoolTests
{
    [Fact]
    public void Blocks_hold_64_KB_whatever_is_asked_and_each_goes_back_once()
    {
        var pool = new ReceiveBufferPool();
        // Kestrel asks for 2 KB at a time; a socket read then fills up to the whole block.
        var block = pool.Rent(2048);
        Assert.True(block.Memory.Length >= 64 * 1024);
        Assert.Equal(64 * 1024, pool.MaxBufferSize);

        // Disposed twice (a connection closing while a read completes): given back once, so never lent to two readers.
        block.Dispose();
        block.Dispose();
        Assert.Throws<ObjectDisposedException>(() => block.Memory);
        // Three: the block given back may sit behind one the thread's own slot already held.
        var lent = Enumerable.Range(0, 3).Select(_ => pool.Rent(2048)).ToList();
        Assert.Equal(3, lent.Select(b => Array(b.Memory)).Distinct().Count());
        lent.ForEach(b => b.Dispose());
    }

    private static byte[] Array(Memory<byte> memory) => MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment.Array! : throw new InvalidOperationException();
}
