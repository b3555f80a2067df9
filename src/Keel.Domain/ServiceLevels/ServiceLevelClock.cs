namespace Keel.Domain.ServiceLevels;

/// <summary>
/// One clock of one work item: the terms it was attached with (policy, target, calendar revision) and its last
/// reading, stored so that lists can filter and sort by time to breach. The reading is always recomputed from the
/// item's history by <see cref="ClockEngine"/>; it is never edited by hand.
/// </summary>
public sealed class ServiceLevelClock
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkItemId { get; set; }
    public ClockKind Kind { get; set; }
    public string Name { get; set; } = "";
    public Agreement Agreement { get; set; }

    public Guid PolicyId { get; set; }
    public string PolicyName { get; set; } = "";
    public ClockTerms Terms { get; set; } = null!;
    public Guid CalendarId { get; set; }
    public int CalendarRevision { get; set; }

    /// <summary>The item's priority and team when the policy was picked: a change of either picks again.</summary>
    public int MatchedPriority { get; set; }
    public Guid? MatchedTeamId { get; set; }

    public ClockState State { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? StoppedAt { get; set; }
    public long ElapsedMinutes { get; set; }
    public long RemainingMinutes { get; set; }
    public int? Warning { get; set; }
    public List<ClockPause> Pauses { get; set; } = [];

    /// <summary>When the job should next look at it (a warning threshold or the breach); null when nothing can change by itself.</summary>
    public DateTime? NextCheckAt { get; set; }

    /// <summary>The highest warning already announced, and whether the breach was, so each is announced once.</summary>
    public int? AnnouncedWarning { get; set; }
    public bool AnnouncedBreach { get; set; }

    public DateTime ComputedAt { get; set; }

    /// <summary>Past its last warning threshold and not yet breached: what the "breaching soon" queue shows.</summary>
    public bool IsBreachingSoon => State == ClockState.Running && Warning is { } w && Terms.WarningPercents.Count > 0 && w >= Terms.WarningPercents.Max();

    /// <summary>Takes the terms of a policy that matched the item now (the priority and team it matched on are kept).</summary>
    public void AttachTo(Work.WorkItem item, ServiceLevelPolicy policy, ClockTerms terms, int calendarRevision)
    {
        WorkItemId = item.Id;
        Kind = terms.Kind;
        Agreement = policy.Agreement;
        Name = terms.Name;
        Terms = terms;
        PolicyId = policy.Id;
        PolicyName = policy.Name;
        CalendarId = policy.CalendarId;
        CalendarRevision = calendarRevision;
        MatchedPriority = item.Priority;
        MatchedTeamId = item.TeamId;
    }

    /// <summary>A warning passed or a breach that nobody has been told about yet.</summary>
    public bool HasNews =>
        (State == ClockState.Breached && !AnnouncedBreach) || (State == ClockState.Running && Warning > (AnnouncedWarning ?? 0));

    public void Apply(ClockReading reading, DateTime now)
    {
        State = reading.State;
        StartedAt = reading.StartedAt;
        DueAt = reading.DueAt;
        StoppedAt = reading.StoppedAt;
        ElapsedMinutes = reading.ElapsedMinutes;
        RemainingMinutes = reading.RemainingMinutes;
        Warning = reading.Warning;
        Pauses = [.. reading.Pauses];
        _plannedCheckAt = reading.NextCheckAt;
        ComputedAt = now;
        // A warning or breach not yet announced: the job's next run announces it.
        NextCheckAt = HasNews ? now : _plannedCheckAt;
    }

    /// <summary>Records that the current warning or breach has been announced; the clock waits for its next threshold.</summary>
    public void MarkAnnounced()
    {
        AnnouncedWarning = Warning > (AnnouncedWarning ?? 0) ? Warning : AnnouncedWarning;
        AnnouncedBreach |= State == ClockState.Breached;
        NextCheckAt = _plannedCheckAt;
    }

    private DateTime? _plannedCheckAt;
}
