using Keel.Domain.Platform;

namespace Keel.Domain.ServiceLevels;

/// <summary>
/// A named set of working hours that service-level policies count time on. Each save of new hours makes a new
/// <see cref="Revision"/>; clocks keep the revision they started on until an explicit recompute moves them on, so
/// editing a calendar never silently rewrites the clocks of open work.
/// </summary>
public sealed class BusinessCalendar : IAudited, IVersioned
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public CalendarHours Hours { get; set; } = CalendarHours.TwentyFourSeven;
    public int Revision { get; set; } = 1;
    public long Version { get; set; }

    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        Hours.Validate(errors);
    }
}

/// <summary>The hours of a calendar as they were at one revision (kept for the clocks still counting on them).</summary>
public sealed class CalendarRevision
{
    public Guid CalendarId { get; set; }
    public int Revision { get; set; }
    public CalendarHours Hours { get; set; } = CalendarHours.TwentyFourSeven;
    public DateTime CreatedAt { get; set; }
}
