namespace UnitTrustLoad.Investors;

/// <summary>
/// SplitMix64, seeded per investor: a few multiplications per number, no allocation and no shared state, so investor
/// n is the same whichever virtual user makes it (Bogus's Randomizer takes a process-wide lock per number and a new
/// System.Random per seed, which the profile showed as a tenth of the generator's CPU).
/// </summary>
internal struct SequenceRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Number(int min, int max) => min + (int)(Next() % (ulong)((long)max - min + 1));

    public T Element<T>(T[] items) => items[Number(0, items.Length - 1)];

    /// <summary>A number in [0, 1) with 53 random bits.</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A stable seed for the <paramref name="sequence"/>-th draw under <paramref name="seed"/> (HashCode is randomised
    /// per process, which would break --seed).
    /// </summary>
    public static ulong Mix(int seed, long sequence)
    {
        var x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)sequence * 0xC2B2AE3D27D4EB4FUL;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 29;
        return x;
    }

    /// <summary>A stable seed for draw <paramref name="draw"/> of thing <paramref name="sequence"/> under <paramref name="seed"/>.</summary>
    public static ulong Mix(int seed, long sequence, long draw) => Mix(seed, sequence) ^ (Mix(~seed, draw) * 0xD6E8FEB86659FD93UL);

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
