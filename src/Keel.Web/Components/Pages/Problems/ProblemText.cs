using Keel.Domain.Problems;
using Keel.Domain.Work;
using MudBlazor;

namespace Keel.Web.Components.Pages.Problems;

/// <summary>How problems and candidates read on screen.</summary>
public static class ProblemText
{
    /// <summary>The first message for <paramref name="field"/> in a validation error, to show under its input.</summary>
    public static string? FieldError(Keel.Domain.Platform.Error? error, string field) =>
        error?.Fields is { } fields && fields.TryGetValue(field, out var messages) ? $"{Pages.Work.WorkText.Words(field)} {messages[0]}" : null;

    public static Color StateColor(WorkState state) => state switch
    {
        WorkState.KnownError => Color.Warning,
        WorkState.RootCauseAnalysis or WorkState.Assessed => Color.Primary,
        _ => Pages.Work.WorkText.StateColor(state),
    };

    public static string Group(CandidateGroup group) => group switch
    {
        CandidateGroup.ConfigurationItem => "Same configuration item",
        CandidateGroup.Category => "Same category",
        CandidateGroup.Service => "Same service",
    };

    /// <summary>The label of a move button on a problem ("Start analysis", "Record known error").</summary>
    public static string MoveLabel(WorkState from, WorkState to) => to switch
    {
        WorkState.Assessed => "Mark assessed",
        WorkState.RootCauseAnalysis => "Start root cause analysis",
        WorkState.KnownError => "Record known error",
        _ => Pages.Work.WorkText.MoveLabel(from, to),
    };
}
