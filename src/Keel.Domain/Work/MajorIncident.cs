using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>
/// The rules of a major incident: only an incident is declared major, and only while it is open (standing it down is
/// always allowed); stakeholders are added and updates sent only while it is major.
/// </summary>
public static class MajorIncident
{
    /// <summary>The history field of the flag: a line to "True" is the declaration, to "False" the stand-down.</summary>
    public const string Field = "isMajor";

    /// <summary>The history field of a stakeholder added (To = the person's id) or removed (From = the id).</summary>
    public const string StakeholderField = "stakeholder";

    /// <summary>A promised next update further ahead than this is a typo, not a plan.</summary>
    public static readonly TimeSpan LongestUpdateInterval = TimeSpan.FromDays(7);

    public static Error NotMajor(string number) =>
        new(ErrorKind.Conflict, "not_major", $"{number} is not a major incident; declare it major first.");

    /// <summary>Checks a change of the flag before it is made.</summary>
    public static Error? CheckDeclaration(WorkItem item, bool major)
    {
        if (major == item.IsMajor || !major)
        {
            return null;
        }
        if (item.Kind != WorkKind.Incident)
        {
            return Error.Validation("isMajor", "only an incident can be a major incident.");
        }
        return item.IsOpen ? null : Error.Conflict($"{item.Number} is {item.State}; reopen it before declaring it a major incident.");
    }

    /// <summary>Stakeholders are added and updates sent only while the incident is major.</summary>
    public static Error? CheckMajor(WorkItem item) => item.Kind == WorkKind.Incident && item.IsMajor ? null : NotMajor(item.Number);

    public static void ValidateUpdate(string? message, DateTime? nextUpdateAt, DateTime now, FieldErrors errors)
    {
        errors.Required("message", message, WorkComment.BodyMaxLength);
        if (nextUpdateAt is { } next && (next <= now || next - now > LongestUpdateInterval))
        {
            errors.Add("nextUpdateAt", $"must be in the future, at most {LongestUpdateInterval.TotalDays:0} days ahead.");
        }
    }

    /// <summary>The history line of an added (<paramref name="added"/>) or removed stakeholder; internal, as the names of the people informed are.</summary>
    public static WorkEvent StakeholderLine(WorkItem item, Guid personId, bool added, Guid? actorId, DateTime now) => new()
    {
        WorkItemId = item.Id, At = now, ActorId = actorId, Type = WorkEventType.FieldChanged, Field = StakeholderField,
        From = added ? null : personId.ToString(), To = added ? personId.ToString() : null, Internal = true,
    };
}
