using Keel.Domain.ServiceLevels;

namespace Keel.Application.ServiceLevels;

public sealed record SlaPauseView(DateTime From, DateTime? To, string Reason);

/// <summary>One clock as API.md names its fields (kind and state in lower case), with the policy that set it.</summary>
public sealed record SlaClockView(
    string Name, string Kind, string Agreement, string Policy, int TargetMinutes, DateTime StartedAt, DateTime DueAt, DateTime? StoppedAt,
    string State, long ElapsedBusinessMinutes, long RemainingBusinessMinutes, int? Warning, IReadOnlyList<SlaPauseView> Pauses)
{
    public static SlaClockView Of(ServiceLevelClock c) => new(
        c.Name, c.Kind.ToString().ToLowerInvariant(), c.Agreement.ToString().ToUpperInvariant(), c.PolicyName, c.Terms.TargetMinutes,
        c.StartedAt, c.DueAt, c.StoppedAt, c.State.ToString().ToLowerInvariant(), c.ElapsedMinutes, c.RemainingMinutes, c.Warning,
        [.. c.Pauses.Select(p => new SlaPauseView(p.From, p.To, p.Reason))]);
}
