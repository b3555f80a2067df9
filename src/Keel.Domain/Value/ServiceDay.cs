namespace Keel.Domain.Value;

/// <summary>
/// One row of the value rollup: what happened to one service on one UTC day, in counts and sums that add up over any
/// period. Rows are derived data, rewritten whole days at a time from the work items, clocks, work logs and surveys;
/// nothing else writes them. Which day each figure belongs to:
/// <list type="bullet">
/// <item>tickets raised (incidents and requests): the day they were created;</item>
/// <item>resolved, reopened, first-contact and interactions: the day the ticket was resolved;</item>
/// <item>service-level clocks: the day they were decided (met or breached);</item>
/// <item>surveys sent, responses and the rating sum: the day the survey was sent, so a response rate compares like with like;</item>
/// <item>labour: the day the time was logged for.</item>
/// </list>
/// </summary>
public sealed class ServiceDay
{
    public Guid ServiceId { get; set; }
    public DateOnly Day { get; set; }

    public int Raised { get; set; }
    public int Resolved { get; set; }

    /// <summary>Of the resolved, those reopened at least once.</summary>
    public int Reopened { get; set; }

    /// <summary>Of the resolved, those resolved at first contact (see <see cref="Experience.FirstContact.Holds"/>).</summary>
    public int FirstContact { get; set; }

    /// <summary>The requester's interactions with the resolved tickets (raising one counts as one).</summary>
    public int Interactions { get; set; }

    /// <summary>Resolution clocks of the SLA decided this day: met and breached.</summary>
    public int ResolutionMet { get; set; }
    public int ResolutionBreached { get; set; }

    /// <summary>All SLA clocks (response and resolution) decided this day.</summary>
    public int SlaMet { get; set; }
    public int SlaBreached { get; set; }

    public int SurveysSent { get; set; }
    public int Responses { get; set; }
    public int RatingSum { get; set; }

    public long LabourMinutes { get; set; }
    public long LabourMinor { get; set; }
}

/// <summary>The tickets one business unit's people raised against one service on one day: the measure of showback by tickets.</summary>
public sealed class ServiceUnitDay
{
    public Guid ServiceId { get; set; }
    public DateOnly Day { get; set; }
    public Guid BusinessUnitId { get; set; }
    public int Raised { get; set; }
}

/// <summary>Where an incremental rollup got to: the next run rewrites the days touched by anything stored after <see cref="Since"/>.</summary>
public sealed class RollupMark
{
    public required string Name { get; set; }
    public DateTime Since { get; set; }
}
