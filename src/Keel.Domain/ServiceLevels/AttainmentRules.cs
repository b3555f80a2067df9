using System.Globalization;
using System.Linq.Expressions;
using Keel.Domain.Platform;

namespace Keel.Domain.ServiceLevels;

/// <summary>
/// The rules of SLA attainment: met / (met + breached), cancelled, running and paused clocks left out.
/// <para>
/// A clock counts in the UTC month in which it was decided, and that month never moves once decided:
/// a met clock in the month it stopped (the item was resolved, fulfilled or done, or first answered for a response
/// clock); a breached clock in the month its target ran out (<see cref="ServiceLevelClock.DueAt"/>), whether the item is
/// still open or was finished later — it breached then, and finishing it in a later month does not undo that. Only a
/// reopen (a met clock running again) or a recompute from history can move a clock, which is why the rollup rewrites
/// the current and previous month every hour and an admin can rebuild older months.
/// </para>
/// </summary>
public static class AttainmentRules
{
    /// <summary>A range of more months than this is refused: the result is returned whole.</summary>
    public const int MaxMonths = 36;

    /// <summary>
    /// When a clock was decided — the stop of a met clock, the due time of a breached one — or null while it is not
    /// (running, paused) or never counts (cancelled). Written as an expression so the rollup's SQL runs this same rule;
    /// <see cref="DecidedAt"/> is its compiled form.
    /// </summary>
    public static readonly Expression<Func<ClockState, DateTime, DateTime?, DateTime?>> DecidedAtRule = (state, dueAt, stoppedAt) =>
        state == ClockState.Met ? stoppedAt : state == ClockState.Breached ? dueAt : null;

    private static readonly Func<ClockState, DateTime, DateTime?, DateTime?> DecidedAtCompiled = DecidedAtRule.Compile();

    /// <summary>When a clock was decided, or null while it is not (running, paused) or never counts (cancelled).</summary>
    public static DateTime? DecidedAt(ClockState state, DateTime dueAt, DateTime? stoppedAt) => DecidedAtCompiled(state, dueAt, stoppedAt);

    /// <summary>The month a clock counts in (its first day), or null when it does not count.</summary>
    public static DateOnly? MonthOf(ClockState state, DateTime dueAt, DateTime? stoppedAt) =>
        DecidedAt(state, dueAt, stoppedAt) is { } at ? MonthOf(at) : null;

    /// <summary>The first day of the UTC month of an instant.</summary>
    public static DateOnly MonthOf(DateTime utc) => new(utc.Year, utc.Month, 1);

    /// <summary>The first instant of a month and of the month after it: the half-open range of instants it covers.</summary>
    public static (DateTime From, DateTime To) InstantsOf(DateOnly firstMonth, DateOnly lastMonth) => (
        DateTime.SpecifyKind(firstMonth.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
        DateTime.SpecifyKind(lastMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc));

    /// <summary>The share of decided clocks that were met (0–1), or null when none was decided.</summary>
    public static double? Attainment(long met, long breached) =>
        met + breached == 0 ? null : Math.Round((double)met / (met + breached), 4);

    /// <summary>The months from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<DateOnly> Months(DateOnly first, DateOnly last)
    {
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>How many months the range covers, both ends included.</summary>
    public static int Count(DateOnly first, DateOnly last) => (last.Year - first.Year) * 12 + last.Month - first.Month + 1;

    /// <summary>A month as the API writes it: <c>YYYY-MM</c>.</summary>
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a range given as <c>YYYY-MM</c> months (both included). Left out: <paramref name="to"/> is the current month
    /// and <paramref name="from"/> eleven months before it (a year). Adds field errors for a bad month, a reversed range
    /// or one longer than <see cref="MaxMonths"/>.
    /// </summary>
    public static (DateOnly From, DateOnly To) ReadRange(string? from, string? to, DateOnly currentMonth, FieldErrors errors)
    {
        var last = Parse("to", to, errors) ?? currentMonth;
        var first = Parse("from", from, errors) ?? last.AddMonths(-11);
        if (first > last)
        {
            errors.Add("to", "must not be before from.");
        }
        else if (Count(first, last) > MaxMonths)
        {
            errors.Add("to", $"the range covers at most {MaxMonths} months.");
        }
        return (first, last);
    }

    private static DateOnly? Parse(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        errors.Add(field, "must be a month written YYYY-MM.");
        return null;
    }
}
