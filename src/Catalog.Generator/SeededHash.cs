namespace Catalog.Generator;

/// <summary>
/// Stateless, seeded randomness (SplitMix64): the same (seed, a, b, c) always gives the same value, so any stage
/// can recompute a fact about an entity (its columns, its inputs) without keeping the whole catalog in memory.
/// </summary>
public readonly record struct SeededHash(int Seed)
{
    public ulong Next(long a, long b = 0, long c = 0)
    {
        var x = (ulong)Seed * 0x9E3779B97F4A7C15UL ^ (ulong)a * 0xBF58476D1CE4E5B9UL ^ (ulong)b * 0x94D049BB133111EBUL ^ (ulong)c * 0xD6E8FEEBA4C4B9F1UL;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Unit(long a, long b = 0, long c = 0) => (Next(a, b, c) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Below(int n, long a, long b = 0, long c = 0) => (int)(Next(a, b, c) % (ulong)n);

    /// <summary>Skewed toward 0 (roughly Zipf-like): a few values are picked very often, most rarely.</summary>
    public int Skewed(int n, double power, long a, long b = 0, long c = 0) => Math.Min(n - 1, (int)(n * Math.Pow(Unit(a, b, c), power)));

    public Guid Uuid(long a, long b = 0, long c = 0)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Next(a, b, c));
        BitConverter.TryWriteBytes(bytes[8..], Next(a, b, c + 7_777_777));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, so tools that check the version accept it
        return new Guid(bytes);
    }
}
