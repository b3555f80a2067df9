namespace Keel.Application.Demo;

/// <summary>Seeded randomness for demo data: the same seed always gives the same sequence of picks.</summary>
internal sealed class DemoRandom(int seed)
{
    // Demo data only: predictability is the point, so System.Random with a fixed seed is right here.
    private readonly Random random = new(seed);

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>True with the given probability (0–1).</summary>
    public bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>A version-4-shaped GUID from the seeded sequence, so ids repeat from seed to seed.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
