using System.Globalization;
using Keel.Domain.Platform;

namespace Keel.Domain.Value;

/// <summary>A reporting period <c>[From, To)</c> of whole UTC days, as the value API takes it.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    /// <summary>Ten years: longer periods are not reports but archaeology, and would read the whole rollup.</summary>
    public const int MaxDays = 3660;

    /// <summary>How the API writes a day of a period.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>A day as the API takes it (<see cref="DateFormat"/>); blank is null, anything else is a field error.</summary>
    public static DateOnly? ParseDate(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(field, "must be a date as YYYY-MM-DD.");
        return null;
    }

    public static Result<Period> Create(DateOnly? from, DateOnly? to)
    {
        var errors = new FieldErrors();
        if (from is null)
        {
            errors.Add("from", "is required (a date such as 2026-10-01).");
        }
        if (to is null)
        {
            errors.Add("to", "is required (a date such as 2026-11-01; the period ends before it).");
        }
        if (from is { } f && to is { } t)
        {
            if (t <= f)
            {
                errors.Add("to", "must be after from.");
            }
            else if (t.DayNumber - f.DayNumber > MaxDays)
            {
                errors.Add("to", $"must be at most {MaxDays} days after from.");
            }
        }
        return errors.Any ? errors.ToError() : new Period(from!.Value, to!.Value);
    }

    /// <summary>The calendar month that contains <paramref name="day"/>.</summary>
    public static Period MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new Period(first, first.AddMonths(1));
    }

    /// <summary>The whole months from the one containing <paramref name="from"/> up to the one containing the last day, clipped to the period.</summary>
    public IEnumerable<Period> Months()
    {
        for (var month = MonthOf(From); month.From < To; month = MonthOf(month.To))
        {
            yield return new Period(month.From < From ? From : month.From, month.To > To ? To : month.To);
        }
    }

    /// <summary>True when the period is exactly one calendar month.</summary>
    public bool IsOneMonth => From.Day == 1 && To == From.AddMonths(1);

    /// <summary>"October 2026", or "1 Oct 2026 – 31 Dec 2026" (the last day included, as people say it).</summary>
    public string Label() => IsOneMonth
        ? From.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{From:d MMM yyyy} – {To.AddDays(-1):d MMM yyyy}");
}
