using Keel.Application.Platform.Paging;

namespace Keel.Web.Api;

/// <summary>The query parameters every list takes (API.md "Lists").</summary>
public sealed record ListQuery
{
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public string? Sort { get; init; }
    public string? Q { get; init; }

    public PageRequest Page => new(Limit, Cursor, Sort);
}

/// <summary>The JSON shape of every list: { items, nextCursor }.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public static ListResponse<T> From(Page<T> page) => new(page.Items, page.NextCursor);
}
