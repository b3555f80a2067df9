using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Keel.Domain.Experience;

/// <summary>
/// Which resolved items get a survey when a service asks only a share of its requesters. The decision is a pure
/// function of the item's id (the first 8 bytes of its SHA-256 read as a fraction of 2^64), so a rerun of the issuer,
/// another node or a rebuild decides the same way, and no item is asked twice by luck.
/// </summary>
public static class SurveySampling
{
    private const decimal TwoToThe64 = 18_446_744_073_709_551_616m;

    /// <summary>True when the item falls inside <paramref name="rate"/> (0–1): 1 selects every item, 0 none.</summary>
    public static bool Selects(Guid workItemId, decimal rate)
    {
        if (rate <= 0m)
        {
            return false;
        }
        if (rate >= 1m)
        {
            return true;
        }
        return FractionOf(workItemId) < rate;
    }

    /// <summary>The item's place in [0, 1): uniform over ids, stable across runs and machines.</summary>
    public static decimal FractionOf(Guid workItemId)
    {
        Span<byte> id = stackalloc byte[16];
        workItemId.TryWriteBytes(id, bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(id, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / TwoToThe64;
    }
}
