namespace Keel.Domain.Value;

/// <summary>A person's team as the labour rule needs it: the rate of an hour of its work.</summary>
public sealed record LabourTeam(Guid Id, string Name, long HourlyRateMinor);

/// <summary>What logged time costs: minutes × the hourly rate of the team the person worked as.</summary>
public static class LabourCost
{
    /// <summary>
    /// The team whose rate prices a person's time on an item: the item's team when the person is a member of it (they
    /// worked it as that team), otherwise their first team by name (ordinal, so every database and run picks the same one),
    /// or none when they belong to no team (their time counts, at no cost).
    /// </summary>
    public static LabourTeam? TeamOf(IReadOnlyCollection<LabourTeam> personsTeams, Guid? itemTeamId) =>
        personsTeams.FirstOrDefault(t => t.Id == itemTeamId)
        ?? personsTeams.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).FirstOrDefault();

    /// <summary>
    /// The cost of one work-log entry in whole minor units, rounded half away from zero per entry: sums of entries then
    /// come out exactly the same whichever days or groups a recomputation adds them up in.
    /// </summary>
    public static long Minor(int minutes, long hourlyRateMinor) =>
        (long)Math.Round(minutes * (decimal)hourlyRateMinor / 60m, MidpointRounding.AwayFromZero);
}
