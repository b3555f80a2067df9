using Keel.Domain.Platform;

namespace Keel.Domain.ServiceLevels;

public enum TargetUnit
{
    Minutes,
    Hours,

    /// <summary>N × the calendar's working minutes per day (<see cref="CalendarHours.MinutesPerBusinessDay"/>).</summary>
    BusinessDays,
}

/// <summary>A response or resolution target in business time.</summary>
public sealed record ServiceTarget(int Amount, TargetUnit Unit)
{
    /// <summary>A year of minutes: anything longer is a typing mistake, not a target.</summary>
    public const int MaxMinutes = 366 * 24 * 60;

    public int MinutesOn(CalendarHours hours) => Unit switch
    {
        TargetUnit.Minutes => Amount,
        TargetUnit.Hours => Amount * 60,
        _ => Amount * hours.MinutesPerBusinessDay(),
    };

    public void Validate(string field, FieldErrors errors)
    {
        if (Amount <= 0)
        {
            errors.Add(field, "must be more than zero.");
        }
        else if (Unit switch { TargetUnit.Minutes => Amount, TargetUnit.Hours => Amount * 60L, _ => Amount * 1440L } > MaxMinutes)
        {
            errors.Add(field, "must be at most a year.");
        }
    }

    public override string ToString() => Unit switch
    {
        TargetUnit.Minutes => $"{Amount} min",
        TargetUnit.Hours => $"{Amount} h",
        _ => Amount == 1 ? "1 business day" : $"{Amount} business days",
    };
}
