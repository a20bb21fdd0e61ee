using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Handbook.Publisher.Serve;

/// <summary>
/// The memory Kestrel reads connections into, in blocks of 64 KB instead of its own 4 KB: each socket read then takes up
/// to 64 KB, and an 18 MB upload costs some 300 reads instead of 4,600 (each one a trip through the thread pool, which
/// under load is what made large uploads slow for everyone). The blocks are the shared array pool's, lent and given
/// back (once) by <see cref="MemoryPool{T}.Shared"/>.
/// </summary>
internal sealed class ReceiveBufferPool : MemoryPool<byte>, IMemoryPoolFactory<byte>
{
    private const int Block = 64 * 1024;

    public override int MaxBufferSize => Block;

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => this;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1) => Shared.Rent(Math.Max(minBufferSize, Block));

    protected override void Dispose(bool disposing) { }
}
