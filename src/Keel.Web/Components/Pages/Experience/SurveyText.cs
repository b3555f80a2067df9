using Keel.Domain.Experience;
using Keel.Domain.Work;

namespace Keel.Web.Components.Pages.Experience;

/// <summary>The words of the survey pages, in one place.</summary>
public static class SurveyText
{
    public static readonly IReadOnlyList<int> Ratings = Enumerable.Range(Survey.LowestRating, Survey.HighestRating - Survey.LowestRating + 1).ToList();

    public static string RatingWord(int rating) => rating switch
    {
        1 => "Very poor",
        2 => "Poor",
        3 => "Okay",
        4 => "Good",
        5 => "Excellent",
        _ => "",
    };

    /// <summary>"resolved" for an incident, "fulfilled" for a request: what the person saw happen.</summary>
    public static string Done(WorkKind kind) => kind == WorkKind.Request ? "fulfilled" : "resolved";

    public static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
