namespace Keel.Domain.Work;

public enum WorkEventType
{
    Created,
    StateChanged,
    FieldChanged,
    Commented,
    WorkLogged,
    Linked,
    Attached,
    Merged,

    /// <summary>A stakeholder update was sent on a major incident (its text is the public comment of the same time).</summary>
    UpdateSent,
}

/// <summary>
/// One line of a work item's append-only history: who did what and when. Service-level clocks and flow metrics are
/// computed from these, so they can be recomputed and tested. <see cref="Internal"/> lines (internal notes, assignment
/// and effort details) are never shown to the requester.
/// </summary>
public sealed class WorkEvent
{
    /// <summary>
    /// The longest old or new value a line keeps. Long texts (a description, a plan) are kept whole on the item; their
    /// history line keeps the start, so a long edit never fails to save on a database that enforces the length.
    /// </summary>
    public const int ValueMaxLength = 256;

    private string? _from;
    private string? _to;

    public long Id { get; set; }
    public Guid WorkItemId { get; set; }
    public DateTime At { get; set; }

    /// <summary>Null when Keel itself acted (a timer, an approval rule).</summary>
    public Guid? ActorId { get; set; }

    public WorkEventType Type { get; set; }
    public string? Field { get; set; }
    public string? From { get => _from; set => _from = Clip(value); }
    public string? To { get => _to; set => _to = Clip(value); }

    /// <summary>A reason or note that goes with the change (a hold reason, a rejection reason, a merge target).</summary>
    public string? Detail { get; set; }

    public bool Internal { get; set; }

    private static string? Clip(string? value)
    {
        if (value is not { Length: > ValueMaxLength })
        {
            return value;
        }
        var keep = ValueMaxLength - 1;
        // Never split a surrogate pair: half a character is not text a database takes.
        return value[..(char.IsHighSurrogate(value[keep - 1]) ? keep - 1 : keep)] + "…";
    }
}
