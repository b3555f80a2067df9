using Keel.Domain.Platform;

namespace Keel.Domain.Changes;

public sealed record RiskAnswer(string Key, string Text, int Points);

public sealed record RiskQuestion(string Key, string Text, IReadOnlyList<RiskAnswer> Answers);

/// <summary>Reviewed changes (those with a review outcome) and how many of them failed or were backed out.</summary>
public sealed record FailureHistory(int Reviewed, int Failed)
{
    public static readonly FailureHistory None = new(0, 0);

    public double Rate => Reviewed == 0 ? 0 : (double)Failed / Reviewed;
}

/// <summary>What the risk of a change is assessed from.</summary>
public sealed record RiskInputs(
    IReadOnlyDictionary<string, string> Answers,
    int ConfigurationItemCount,
    int? HighestCriticality,
    FailureHistory OnConfigurationItems,
    FailureHistory ByTeam);

/// <summary>One line of the explanation: the input, its points and why.</summary>
public sealed record RiskLine(string Input, int Points, string Text);

public sealed record RiskResult(int Score, RiskLevel Level, IReadOnlyList<RiskLine> Lines);

/// <summary>
/// The risk of a change: a short questionnaire, how many CIs it touches, the highest criticality of the services it
/// affects, and how often past changes on the same CIs and by the same team failed. Each input adds points; the sum
/// gives the level (≤ <see cref="LowMax"/> Low, ≤ <see cref="MediumMax"/> Medium, above High). An unanswered question
/// counts as its riskiest answer, so skipping the questionnaire never makes a change look safer.
/// </summary>
public static class ChangeRisk
{
    public const int LowMax = 4;
    public const int MediumMax = 9;

    /// <summary>Failure rates from fewer reviewed changes than this say nothing and add no points.</summary>
    public const int MinimumSample = 5;

    /// <summary>How far back the failure history looks.</summary>
    public static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(365);

    public static IReadOnlyList<RiskQuestion> Questions { get; } =
    [
        new("testedPreProduction", "Was the change tested in a pre-production environment?",
            [new("yes", "Yes", 0), new("partly", "Partly", 2), new("no", "No", 3)]),
        new("backoutTested", "Has the back-out plan been tested?", [new("yes", "Yes", 0), new("no", "No", 2)]),
        new("userOutage", "Will users see an outage?",
            [new("none", "No outage", 0), new("partial", "Some users or features", 2), new("full", "The whole service", 4)]),
        new("doneBefore", "Has this change been done successfully before?", [new("yes", "Yes, the same way", 0), new("no", "No, first time", 2)]),
    ];

    /// <summary>Every answer must name a question and one of its answers (unanswered questions are allowed).</summary>
    public static void Validate(IReadOnlyDictionary<string, string>? answers, FieldErrors errors)
    {
        foreach (var (key, value) in answers ?? new Dictionary<string, string>())
        {
            var question = Questions.FirstOrDefault(q => q.Key == key);
            if (question is null)
            {
                errors.Add($"riskAnswers.{key}", $"is not a question; the questions are {string.Join(", ", Questions.Select(q => q.Key))}.");
            }
            else if (question.Answers.All(a => a.Key != value))
            {
                errors.Add($"riskAnswers.{key}", $"must be one of {string.Join(", ", question.Answers.Select(a => a.Key))}.");
            }
        }
    }

    public static RiskResult Assess(RiskInputs inputs)
    {
        var lines = new List<RiskLine>();
        foreach (var question in Questions)
        {
            var answer = inputs.Answers.TryGetValue(question.Key, out var key) ? question.Answers.FirstOrDefault(a => a.Key == key) : null;
            lines.Add(answer is null
                ? new RiskLine(question.Key, question.Answers.Max(a => a.Points), $"{question.Text} Not answered (counted as the riskiest answer).")
                : new RiskLine(question.Key, answer.Points, $"{question.Text} {answer.Text}."));
        }
        lines.Add(new RiskLine("configurationItems", CiPoints(inputs.ConfigurationItemCount),
            $"{inputs.ConfigurationItemCount} configuration item{(inputs.ConfigurationItemCount == 1 ? "" : "s")} changed."));
        lines.Add(inputs.HighestCriticality is { } criticality
            ? new RiskLine("criticality", CriticalityPoints(criticality), $"Most critical affected service: criticality {criticality} (1 is the highest).")
            : new RiskLine("criticality", 0, "No affected service has a criticality."));
        lines.Add(FailureLine("ciFailureRate", "changes on these configuration items", inputs.OnConfigurationItems));
        lines.Add(FailureLine("teamFailureRate", "changes by the assigned team", inputs.ByTeam));
        var score = lines.Sum(l => l.Points);
        return new RiskResult(score, LevelOf(score), lines);
    }

    public static RiskLevel LevelOf(int score) => score <= LowMax ? RiskLevel.Low : score <= MediumMax ? RiskLevel.Medium : RiskLevel.High;

    private static int CiPoints(int count) => count switch
    {
        <= 1 => 0,
        <= 5 => 1,
        _ => 3,
    };

    private static int CriticalityPoints(int criticality) => criticality switch
    {
        1 => 4,
        2 => 2,
        3 => 1,
        _ => 0,
    };

    private static RiskLine FailureLine(string input, string what, FailureHistory history)
    {
        if (history.Reviewed < MinimumSample)
        {
            return new RiskLine(input, 0, $"Too few reviewed {what} in the last 12 months to count ({history.Reviewed} of at least {MinimumSample}).");
        }
        var points = history.Rate >= 0.2 ? 4 : history.Rate >= 0.1 ? 2 : 0;
        return new RiskLine(input, points, $"{history.Failed} of {history.Reviewed} reviewed {what} failed or were backed out in the last 12 months ({history.Rate:P0}).");
    }
}
