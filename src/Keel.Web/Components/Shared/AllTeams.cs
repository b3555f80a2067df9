using Keel.Application.Platform.Organization;
using Keel.Application.Platform.Paging;

namespace Keel.Web.Components.Shared;

/// <summary>Reads every team page by page (an organization has dozens of teams, not millions).</summary>
public static class AllTeams
{
    public static async Task<IReadOnlyList<TeamView>> ListAsync(TeamService teams, Guid? memberId, CancellationToken ct)
    {
        var all = new List<TeamView>();
        string? cursor = null;
        do
        {
            var page = await teams.ListAsync(null, memberId, new PageRequest(PageRequest.MaxLimit, cursor), ct);
            if (!page.IsSuccess)
            {
                break;
            }
            all.AddRange(page.Value!.Items);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
