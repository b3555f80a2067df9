using System.Linq.Expressions;
using Keel.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore.Query;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// Clocks with the instant they were decided, computed by the database: the rollups that count met and breached clocks
/// (SLA attainment per month, the value rollup per day) select through <see cref="Projection"/> so they agree on the day.
/// </summary>
internal static class DecidedClocks
{
    /// <summary>A clock with its decided instant from <see cref="AttainmentRules.DecidedAtRule"/>, inlined so the database computes it.</summary>
    public static readonly Expression<Func<ServiceLevelClock, DecidedClock>> Projection = InlineRule();

    private static Expression<Func<ServiceLevelClock, DecidedClock>> InlineRule()
    {
        Expression<Func<ServiceLevelClock, DateTime?, DecidedClock>> shape = (c, at) =>
            new DecidedClock { WorkItemId = c.WorkItemId, Agreement = c.Agreement, Kind = c.Kind, State = c.State, At = at };
        var clock = shape.Parameters[0];
        var rule = AttainmentRules.DecidedAtRule;
        var at = new ReplacingExpressionVisitor(rule.Parameters, [
            Expression.Property(clock, nameof(ServiceLevelClock.State)),
            Expression.Property(clock, nameof(ServiceLevelClock.DueAt)),
            Expression.Property(clock, nameof(ServiceLevelClock.StoppedAt))]).Visit(rule.Body);
        return Expression.Lambda<Func<ServiceLevelClock, DecidedClock>>(ReplacingExpressionVisitor.Replace(shape.Parameters[1], at, shape.Body), clock);
    }
}

/// <summary>A clock as the rollups count it; <see cref="At"/> is null while it is undecided (running, paused) or cancelled.</summary>
internal sealed class DecidedClock
{
    public Guid WorkItemId { get; init; }
    public Agreement Agreement { get; init; }
    public ClockKind Kind { get; init; }
    public ClockState State { get; init; }
    public DateTime? At { get; init; }
}
