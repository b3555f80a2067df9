namespace Keel.Application.Demo;

/// <summary>Seeded randomness for demo data: the same seed always gives the same sequence of picks.</summary>
internal sealed class DemoRandom(int seed)
{
    // Demo data only: predictability is the point, so System.Random with a fixed seed is right here.
    private readonly Random random = new(seed);

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => random.NextDouble();

    /// <summary>A duration between <paramref name="min"/> and <paramref name="max"/>, short ones likelier (log-uniform), as waits and efforts are.</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        TimeSpan.FromTicks((long)Math.Exp(Math.Log(min.Ticks) + (random.NextDouble() * (Math.Log(max.Ticks) - Math.Log(min.Ticks)))));

    /// <summary>An index into <paramref name="cumulative"/> (running totals of weights), drawn by weight.</summary>
    public int Weighted(IReadOnlyList<double> cumulative)
    {
        var roll = random.NextDouble() * cumulative[^1];
        int low = 0, high = cumulative.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulative[middle] > roll)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low;
    }

    /// <summary>True with the given probability (0–1).</summary>
    public bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>A token of URL-safe characters (base64url without padding) from <paramref name="bytes"/> seeded bytes.</summary>
    public string Token(int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

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
