using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Value;

namespace Keel.Application.Value;

/// <summary>The days a rebuild rewrote, <c>[From, To)</c>, and the rows it wrote.</summary>
public sealed record ValueRollupRebuildView(DateOnly From, DateOnly To, int Days, int Rows);

/// <summary>
/// An admin's or the IT leader's rebuild of the value rollup, for what the catch-up cannot see: a team's new hourly
/// rate or members, a requester moved to another business unit, clocks recomputed after a calendar change.
/// </summary>
public sealed class ValueRollupService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    /// <summary>
    /// Rewrites the days <c>[from, to)</c> (dates, <c>YYYY-MM-DD</c>, as the value endpoint reads periods). Without
    /// <paramref name="from"/>: from the first record; without <paramref name="to"/>: through tomorrow. With neither it
    /// rebuilds everything and the catch-up goes on from now. Audited.
    /// </summary>
    public async Task<Result<ValueRollupRebuildView>> RebuildAsync(string? from, string? to, CancellationToken ct)
    {
        if (!ValueAccess.EditsSettings(user))
        {
            return Error.Forbidden("Only admins and the IT leader rebuild the value rollup.");
        }
        var errors = new FieldErrors();
        var first = Period.ParseDate(errors, "from", from);
        var end = Period.ParseDate(errors, "to", to);
        // Through tomorrow when open-ended: a work log may be dated a day ahead.
        var last = (end ?? Today.AddDays(2)).AddDays(-1);
        if (first is not null && first > last)
        {
            errors.Add("to", "must be after from.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var rollup = new ValueRollup(db, time);
        var run = first is null && end is null
            ? await rollup.RebuildAllAsync(ct)
            : await rollup.RebuildAsync(first ?? await rollup.FirstDayAsync(ct) ?? last, last, ct);
        var (f, l) = run.Ranges[0];
        var view = new ValueRollupRebuildView(f, l.AddDays(1), run.Days, run.Rows);
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime, UserId = user.UserId, UserName = user.UserName, EntityType = nameof(ServiceDay),
            EntityId = "rebuild", Action = AuditAction.Updated,
            Changes = JsonSerializer.Serialize(new { Rebuilt = new { Before = (object?)null, After = view } }),
        });
        await db.SaveChangesAsync(ct);
        return view;
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
