using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Value streams (issue 8): read by IT staff and the leaders (<see cref="BalanceAccess.ReaderRoles"/>), defined by the IT
/// leader and admins (<see cref="BalanceAccess.SettingsRoles"/>). Their flow is computed on demand by <see cref="FlowReader"/>.
/// </summary>
public sealed class ValueStreamService(KeelDb db, ICurrentUser user, TimeProvider time, FlowReader reader)
{
    /// <summary>The longest period one flow read covers; longer ones are refused rather than left to run.</summary>
    public const int MaxPeriodDays = 366;

    private static readonly KeysetPager<ValueStream> Pager = new(s => s.Id, SortKey<ValueStream>.By("name", s => s.Name));

    public async Task<Result<Page<ValueStreamView>>> ListAsync(string? q, PageRequest page, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        var query = db.Set<ValueStream>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(s => s.Name.Contains(q));
        }
        var result = await Pager.PageAsync(query, page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var views = await ViewsAsync(result.Value!.Items, ct);
        return new Page<ValueStreamView>(views, result.Value.NextCursor);
    }

    public async Task<Result<ValueStreamView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        var stream = await db.Set<ValueStream>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return stream is null ? Error.NotFound("The value stream") : (await ViewsAsync([stream], ct))[0];
    }

    public async Task<Result<ValueStreamView>> CreateAsync(ValueStreamDraft draft, CancellationToken ct)
    {
        if (!BalanceAccess.EditsSettings(user))
        {
            return Error.Forbidden("Only the IT leader and admins define value streams.");
        }
        var stream = new ValueStream();
        if (await ApplyAsync(stream, draft, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(stream);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([stream], ct))[0];
    }

    /// <summary>Replaces the whole stream (PUT; PATCH merges onto <see cref="ValueStreamView.ToDraft"/> first).</summary>
    public async Task<Result<ValueStreamView>> UpdateAsync(Guid id, long expectedVersion, ValueStreamDraft draft, CancellationToken ct)
    {
        if (!BalanceAccess.EditsSettings(user))
        {
            return Error.Forbidden("Only the IT leader and admins define value streams.");
        }
        var stream = await db.Set<ValueStream>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stream is null)
        {
            return Error.NotFound("The value stream");
        }
        if (stream.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        if (await ApplyAsync(stream, draft, ct) is { } invalid)
        {
            db.ChangeTracker.Clear();
            return invalid;
        }
        db.Entry(stream).Property(s => s.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<ValueStreamView>)(await ViewsAsync([stream], ct))[0];
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, long? expectedVersion, CancellationToken ct)
    {
        if (!BalanceAccess.EditsSettings(user))
        {
            return Error.Forbidden("Only the IT leader and admins define value streams.");
        }
        var stream = await db.Set<ValueStream>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stream is null)
        {
            return Error.NotFound("The value stream");
        }
        if (expectedVersion is { } version && version != stream.Version)
        {
            return Error.Concurrency();
        }
        db.Remove(stream);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The stream's flow over [from, to) (dates, UTC); by default the 30 days up to today.</summary>
    public async Task<Result<ValueStreamFlowView>> FlowAsync(Guid id, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        var errors = new FieldErrors();
        var end = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);
        var start = from ?? end.AddDays(-30);
        if (start >= end)
        {
            errors.Add("from", "must be before to.");
        }
        else if (end.DayNumber - start.DayNumber > MaxPeriodDays)
        {
            errors.Add("to", $"must be at most {MaxPeriodDays} days after from.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var stream = await db.Set<ValueStream>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stream is null)
        {
            return Error.NotFound("The value stream");
        }
        var (figures, items) = await reader.ReadAsync(stream, Utc(start), Utc(end), ct);
        return new ValueStreamFlowView((await ViewsAsync([stream], ct))[0], figures, items);
    }

    private static DateTime Utc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private async Task<Error?> ApplyAsync(ValueStream stream, ValueStreamDraft draft, CancellationToken ct)
    {
        var errors = new FieldErrors();
        stream.Name = draft.Name?.Trim() ?? "";
        stream.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        if (Enum.TryParse<WorkKind>(draft.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && kind != WorkKind.Task)
        {
            stream.Kind = kind;
        }
        else
        {
            errors.Add("kind", "must be Incident, Request, Problem or Change.");
        }
        stream.ServiceId = draft.ServiceId;
        stream.CatalogItemId = draft.CatalogItemId;
        stream.Steps = [.. (draft.Steps ?? []).Select((s, i) => Step(s, i, errors))];
        if (!errors.Any)
        {
            stream.Validate(errors);
        }
        if (draft.ServiceId is { } serviceId && !await db.Set<Service>().AnyAsync(s => s.Id == serviceId, ct))
        {
            errors.Add("serviceId", "is not a service.");
        }
        if (draft.CatalogItemId is { } itemId && !await db.Set<CatalogItem>().AnyAsync(c => c.Id == itemId, ct))
        {
            errors.Add("catalogItemId", "is not a catalogue item.");
        }
        if (!errors.Any && await db.Set<ValueStream>().AnyAsync(s => s.Id != stream.Id && s.Name == stream.Name, ct))
        {
            errors.Add("name", "is already used by another value stream.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private static ValueStreamStep Step(ValueStreamStepDraft draft, int position, FieldErrors errors)
    {
        ValueChainActivity activity = default;
        if (!Enum.TryParse(draft.Activity, ignoreCase: true, out activity) || !Enum.IsDefined(activity))
        {
            errors.Add($"steps[{position}].activity", $"must be one of {string.Join(", ", Enum.GetNames<ValueChainActivity>())}.");
        }
        return new ValueStreamStep { Position = position, Name = draft.Name?.Trim() ?? "", Activity = activity, Start = draft.Start?.Trim() ?? "", End = draft.End?.Trim() ?? "" };
    }

    private async Task<IReadOnlyList<ValueStreamView>> ViewsAsync(IReadOnlyList<ValueStream> streams, CancellationToken ct)
    {
        var serviceIds = streams.Where(s => s.ServiceId is not null).Select(s => s.ServiceId!.Value).Distinct().ToList();
        var itemIds = streams.Where(s => s.CatalogItemId is not null).Select(s => s.CatalogItemId!.Value).Distinct().ToList();
        var services = await db.Set<Service>().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var items = await db.Set<CatalogItem>().Where(c => itemIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. streams.Select(s => new ValueStreamView(s.Id, s.Name, s.Description, s.Kind,
            s.ServiceId is { } sid ? new Ref(sid, services.GetValueOrDefault(sid, "")) : null,
            s.CatalogItemId is { } cid ? new Ref(cid, items.GetValueOrDefault(cid, "")) : null,
            [.. s.Steps.OrderBy(x => x.Position).Select(x => new ValueStreamStepView(x.Name, x.Activity, x.Start, x.End))],
            s.Version))];
    }

    private static Error NotForYou() => Error.Forbidden("Value streams are for IT staff and the leaders.");
}
