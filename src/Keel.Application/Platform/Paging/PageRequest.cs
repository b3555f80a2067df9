using Keel.Domain.Platform;

namespace Keel.Application.Platform.Paging;

/// <summary>What a caller asks of a list: how many, from where, in which order (API.md "Lists").</summary>
public sealed record PageRequest(int? Limit = null, string? Cursor = null, string? Sort = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public int EffectiveLimit => Limit ?? DefaultLimit;

    public void Validate(FieldErrors errors)
    {
        if (Limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }
    }
}

/// <summary>One page of a list and the cursor of the next page (null on the last one).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextCursor);
}
