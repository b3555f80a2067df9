using Keel.Application.Knowledge;
using Keel.Domain.Knowledge;
using MudBlazor;

namespace Keel.Web.Components.Pages.Knowledge;

/// <summary>The words and colours of the knowledge pages.</summary>
public static class KnowledgeText
{
    public static Color StateColor(ArticleState state) => state switch
    {
        ArticleState.Draft => Color.Default,
        ArticleState.Review => Color.Warning,
        ArticleState.Published => Color.Success,
        ArticleState.Retired => Color.Dark,
    };

    /// <summary>The button that moves an article to <paramref name="to"/> from <paramref name="from"/>.</summary>
    public static string MoveLabel(ArticleState from, ArticleState to) => (from, to) switch
    {
        (_, ArticleState.Review) => "Submit for review",
        (ArticleState.Review, ArticleState.Draft) => "Send back to draft",
        (ArticleState.Published, ArticleState.Draft) => "Start a new version",
        (ArticleState.Retired, ArticleState.Draft) => "Revive as draft",
        (_, ArticleState.Published) => "Approve and publish",
        (_, ArticleState.Retired) => "Retire",
        _ => to.ToString(),
    };

    public static string Percent(HelpfulCounts counts) =>
        counts.Yes + counts.No == 0 ? "no votes yet" : $"{Math.Round(100.0 * counts.Yes / (counts.Yes + counts.No))}% found it helpful ({counts.Yes + counts.No} votes)";
}
