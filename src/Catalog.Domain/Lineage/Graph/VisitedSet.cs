using System.Buffers;

namespace Catalog.Domain.Lineage.Graph;

/// <summary>
/// One bit per node, rented from the shared pool: a traversal of a million-node graph marks nodes in 125 KB
/// instead of a hash set, which is what makes cycles safe without cost. Dispose returns the buffer.
/// </summary>
public sealed class VisitedSet : IDisposable
{
    private ulong[]? bits;

    public VisitedSet(int nodeCount)
    {
        var words = (nodeCount + 63) >> 6;
        bits = ArrayPool<ulong>.Shared.Rent(Math.Max(words, 1));
        Array.Clear(bits, 0, words);
    }

    /// <summary>Marks the node; false when it was already marked.</summary>
    public bool Add(int node)
    {
        ref var word = ref Bits[node >> 6];
        var mask = 1UL << (node & 63);
        if ((word & mask) != 0) return false;
        word |= mask;
        return true;
    }

    public bool Contains(int node) => (Bits[node >> 6] & (1UL << (node & 63))) != 0;

    private ulong[] Bits => bits ?? throw new ObjectDisposedException(nameof(VisitedSet));

    public void Dispose()
    {
        if (bits is null) return;
        ArrayPool<ulong>.Shared.Return(bits);
        bits = null;
    }
}
