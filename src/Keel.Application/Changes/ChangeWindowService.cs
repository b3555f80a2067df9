using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

/// <summary>Freeze and maintenance windows of the change calendar: read by IT staff, kept by change managers and admins.</summary>
public sealed class ChangeWindowService(KeelDb db, ICurrentUser user)
{
    private static readonly KeysetPager<ChangeWindow> Pager = new(w => w.Id,
        SortKey<ChangeWindow>.By("name", w => w.Name));

    public async Task<Result<Page<ChangeWindowView>>> ListAsync(ChangeWindowKind? kind, PageRequest page, CancellationToken ct)
    {
        if (!ChangeCalendarAccess.CanRead(user))
        {
            return Error.Forbidden("Only IT staff read the change calendar.");
        }
        var query = db.Set<ChangeWindow>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(w => w.Kind == k);
        }
        var result = await Pager.PageAsync(query, page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await NamesAsync(result.Value!.Items, ct);
        return result.Value.Map(w => ChangeWindowDrafts.View(w, names));
    }

    public async Task<Result<ChangeWindowView>> GetAsync(Guid id, CancellationToken ct)
    {
        var window = ChangeCalendarAccess.CanRead(user) ? await db.Set<ChangeWindow>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) : null;
        return window is null ? Error.NotFound("The change window") : ChangeWindowDrafts.View(window, await NamesAsync([window], ct));
    }

    public async Task<Result<ChangeWindowView>> CreateAsync(ChangeWindowDraft draft, CancellationToken ct)
    {
        if (!ChangeCalendarAccess.CanSchedule(user))
        {
            return Error.Forbidden("Only change managers and admins keep change windows.");
        }
        var errors = new FieldErrors();
        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "must be Freeze or Maintenance.");
        }
        var window = new ChangeWindow { Kind = draft.Kind ?? ChangeWindowKind.Freeze };
        ChangeWindowDrafts.Apply(window, draft, errors);
        if (await ValidateAsync(window, errors, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(window);
        await db.SaveChangesAsync(ct);
        return ChangeWindowDrafts.View(window, await NamesAsync([window], ct));
    }

    /// <summary>Replaces the window with <paramref name="draft"/> (the API applies its merge patch to the current window first).</summary>
    public async Task<Result<ChangeWindowView>> UpdateAsync(Guid id, long expectedVersion, ChangeWindowDraft draft, CancellationToken ct)
    {
        var window = ChangeCalendarAccess.CanRead(user) ? await db.Set<ChangeWindow>().FirstOrDefaultAsync(w => w.Id == id, ct) : null;
        if (window is null)
        {
            return Error.NotFound("The change window");
        }
        if (!ChangeCalendarAccess.CanSchedule(user))
        {
            return Error.Forbidden("Only change managers and admins keep change windows.");
        }
        if (window.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var errors = new FieldErrors();
        if (draft.Kind is { } kind && kind != window.Kind)
        {
            errors.Add("kind", "cannot change; create a new window instead.");
        }
        ChangeWindowDrafts.Apply(window, draft, errors);
        if (await ValidateAsync(window, errors, ct) is { } invalid)
        {
            db.ChangeTracker.Clear();
            return invalid;
        }
        db.Entry(window).Property(w => w.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<ChangeWindowView>)ChangeWindowDrafts.View(window, await NamesAsync([window], ct));
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!ChangeCalendarAccess.CanSchedule(user))
        {
            return Error.Forbidden("Only change managers and admins keep change windows.");
        }
        var window = await db.Set<ChangeWindow>().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (window is null)
        {
            return Error.NotFound("The change window");
        }
        db.Remove(window);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Error?> ValidateAsync(ChangeWindow window, FieldErrors errors, CancellationToken ct)
    {
        window.Validate(errors);
        if (window.ServiceIds.Count > 0)
        {
            var ids = window.ServiceIds;
            if (await db.Set<Service>().CountAsync(s => ids.Contains(s.Id), ct) != ids.Count)
            {
                errors.Add("serviceIds", "names a service that does not exist.");
            }
        }
        if (window.ConfigurationItemIds.Count > 0)
        {
            var ids = window.ConfigurationItemIds;
            if (await db.Set<ConfigurationItem>().CountAsync(c => ids.Contains(c.Id), ct) != ids.Count)
            {
                errors.Add("configurationItemIds", "names a configuration item that does not exist.");
            }
        }
        if (!string.IsNullOrWhiteSpace(window.Name)
            && await db.Set<ChangeWindow>().AnyAsync(w => w.Kind == window.Kind && w.Name == window.Name && w.Id != window.Id, ct))
        {
            errors.Add("name", $"another {window.Kind.ToString().ToLowerInvariant()} window has this name.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<ChangeWindow> windows, CancellationToken ct)
    {
        var list = windows.ToList();
        return ChangeTargetNames.LoadAsync(db, list.SelectMany(w => w.ServiceIds), list.SelectMany(w => w.ConfigurationItemIds), ct);
    }
}

/// <summary>Names of services and CIs by id, for messages and views.</summary>
internal static class ChangeTargetNames
{
    public static async Task<Dictionary<Guid, string>> LoadAsync(KeelDb db, IEnumerable<Guid> serviceIds, IEnumerable<Guid> ciIds, CancellationToken ct)
    {
        var services = serviceIds.Distinct().ToList();
        var cis = ciIds.Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        if (services.Count > 0)
        {
            foreach (var s in await db.Set<Service>().AsNoTracking().Where(s => services.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            {
                names[s.Id] = s.Name;
            }
        }
        if (cis.Count > 0)
        {
            foreach (var c in await db.Set<ConfigurationItem>().AsNoTracking().Where(c => cis.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            {
                names[c.Id] = c.Name;
            }
        }
        return names;
    }
}
