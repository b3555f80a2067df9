using Keel.Application.Data;
using Keel.Application.Platform.Accounts;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform.Accounts;
using Keel.Domain.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Organization;

/// <summary>People and their accounts: the directory everyone reads, and the admin's user management.</summary>
public sealed class PeopleService(KeelDb db, UserManager<KeelUser> users, TimeProvider time, ICurrentUser actor, AccountLinkService links)
{
    private static readonly KeysetPager<KeelUser> Pager = new(u => u.Id,
        SortKey<KeelUser>.By("displayName", u => u.DisplayName), SortKey<KeelUser>.By("userName", u => u.UserName!));

    public async Task<Result<Page<PersonView>>> ListAsync(PersonFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(u => u.DisplayName.Contains(q) || u.UserName!.Contains(q));
        }
        if (filter.BusinessUnitId is { } unit)
        {
            query = query.Where(u => u.BusinessUnitId == unit);
        }
        if (filter.TeamId is { } team)
        {
            query = query.Where(u => db.Set<TeamMember>().Any(m => m.TeamId == team && m.UserId == u.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var normalized = filter.Role.ToUpperInvariant();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess
            ? new Page<PersonView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor)
            : result.Error!;
    }

    public async Task<Result<PersonView>> GetAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? Error.NotFound("The person") : (await ViewsAsync([user], ct))[0];
    }

    public async Task<Result<PersonView>> CreateAsync(PersonDraft draft, CancellationToken ct)
    {
        var user = new KeelUser
        {
            UserName = draft.UserName?.Trim(),
            DisplayName = draft.DisplayName?.Trim() ?? "",
            Email = string.IsNullOrWhiteSpace(draft.Email) ? null : draft.Email.Trim(),
            JobTitle = draft.JobTitle,
            TimeZone = draft.TimeZone ?? TimeZones.Default,
            BusinessUnitId = draft.BusinessUnitId,
            ManagerId = draft.ManagerId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var errors = new FieldErrors();
        errors.Required("userName", user.UserName, 100);
        // An invited person chooses their own password from the e-mail; otherwise the admin sets the first one.
        if (draft.Invite)
        {
            errors.Optional("password", draft.Password, 200);
            if (string.IsNullOrWhiteSpace(user.Email))
            {
                errors.Add("email", "is needed to send an invitation.");
            }
        }
        else
        {
            errors.Required("password", draft.Password, 200);
        }
        var roles = draft.Roles ?? [Roles.Requester];
        await ValidateAsync(user, roles, errors, ct);
        if (!errors.Any && await users.FindByNameAsync(user.UserName!) is not null)
        {
            errors.Add("userName", "is already taken.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = string.IsNullOrEmpty(draft.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, draft.Password);
        if (!created.Succeeded)
        {
            return IdentityErrors(created, "password");
        }
        await users.AddToRolesAsync(user, roles.Distinct());
        if (draft.Invite)
        {
            await links.AddLinkAsync(user, AccountLinkPurpose.Invitation, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return await GetAsync(user.Id, ct);
    }

    public async Task<Result<PersonView>> UpdateAsync(Guid id, long expectedVersion, PersonPatch patch, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Error.NotFound("The person");
        }
        if (user.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var emailBefore = user.Email;
        user.DisplayName = patch.DisplayName.Or(user.DisplayName)?.Trim() ?? "";
        user.Email = patch.Email.Or(user.Email);
        user.JobTitle = patch.JobTitle.Or(user.JobTitle);
        user.TimeZone = patch.TimeZone.Or(user.TimeZone) ?? "";
        user.BusinessUnitId = patch.BusinessUnitId.Or(user.BusinessUnitId);
        user.ManagerId = patch.ManagerId.Or(user.ManagerId);
        user.IsActive = patch.IsActive.Or(user.IsActive);
        var errors = new FieldErrors();
        var roles = patch.Roles.IsSet ? patch.Roles.Value ?? [] : null;
        await ValidateAsync(user, roles, errors, ct);
        if (errors.Any)
        {
            return errors.ToError();
        }
        user.NormalizedEmail = user.Email?.ToUpperInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!string.Equals(emailBefore, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            // Links e-mailed to the old address must not set the password any more.
            await links.VoidOpenLinksAsync(user.Id, ct);
        }
        // Save the fields first under the caller's version, so a stale edit is refused before roles change.
        db.Entry(user).Property(u => u.Version).OriginalValue = expectedVersion;
        var conflict = await db.SaveOrConflictAsync(ct);
        if (conflict is not null)
        {
            return conflict;
        }
        if (roles is not null)
        {
            var current = await users.GetRolesAsync(user);
            if (!current.ToHashSet(StringComparer.Ordinal).SetEquals(roles))
            {
                await users.RemoveFromRolesAsync(user, current.Except(roles));
                await users.AddToRolesAsync(user, roles.Except(current).Distinct());
                await AuditRolesAsync(user.Id, current, roles, ct);
            }
        }
        if (roles is not null || !user.IsActive)
        {
            // Signs the person out everywhere at the next check, so lost roles stop working.
            await users.UpdateSecurityStampAsync(user);
        }
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    private async Task ValidateAsync(KeelUser user, IReadOnlyList<string>? roles, FieldErrors errors, CancellationToken ct)
    {
        errors.Required("displayName", user.DisplayName, 200);
        errors.Optional("email", user.Email, 256);
        errors.Optional("jobTitle", user.JobTitle, 200);
        if (user.Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("email", "is not an e-mail address.");
        }
        if (!TimeZones.IsValid(user.TimeZone))
        {
            errors.Add("timeZone", "must be an IANA time zone such as Europe/Berlin.");
        }
        if (roles is not null && roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
        {
            errors.Add("roles", $"'{unknown}' is not a role; roles are {string.Join(", ", Roles.All)}.");
        }
        if (user.BusinessUnitId is { } unit && !await db.Set<BusinessUnit>().AnyAsync(b => b.Id == unit, ct))
        {
            errors.Add("businessUnitId", "is not a known business unit.");
        }
        if (user.ManagerId is { } manager && (manager == user.Id || !await db.Users.AnyAsync(u => u.Id == manager, ct)))
        {
            errors.Add("managerId", "must be another known person.");
        }
        else if (user.ManagerId is { } m && await ManagesAsync(user.Id, m, ct))
        {
            errors.Add("managerId", "would make a loop in the management chain.");
        }
    }

    /// <summary>True when <paramref name="person"/> is somewhere above <paramref name="candidate"/> already.</summary>
    private async Task<bool> ManagesAsync(Guid person, Guid candidate, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        Guid? current = candidate;
        while (current is { } id && seen.Add(id))
        {
            if (id == person)
            {
                return true;
            }
            current = await db.Users.Where(u => u.Id == id).Select(u => u.ManagerId).FirstOrDefaultAsync(ct);
        }
        return false;
    }

    /// <summary>Identity keeps roles in a link table of its own; the person's history shows the change by name.</summary>
    private async Task AuditRolesAsync(Guid userId, IEnumerable<string> before, IEnumerable<string> after, CancellationToken ct)
    {
        var change = new Dictionary<string, object>
        {
            ["Roles"] = new { Before = before.Order(StringComparer.Ordinal).ToArray(), After = after.Distinct().Order(StringComparer.Ordinal).ToArray() },
        };
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = nameof(KeelUser),
            EntityId = userId.ToString(),
            Action = AuditAction.Updated,
            Changes = System.Text.Json.JsonSerializer.Serialize(change),
        });
        await db.SaveChangesAsync(ct);
    }

    private static Error IdentityErrors(IdentityResult result, string field) =>
        Error.Validation(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });

    /// <summary>Builds views for a page of people with a fixed number of queries.</summary>
    private async Task<List<PersonView>> ViewsAsync(IReadOnlyList<KeelUser> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToList();
        var unitIds = people.Where(p => p.BusinessUnitId != null).Select(p => p.BusinessUnitId!.Value).Distinct().ToList();
        var units = await db.Set<BusinessUnit>().Where(b => unitIds.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var managerIds = people.Where(p => p.ManagerId != null).Select(p => p.ManagerId!.Value).Distinct().ToList();
        var managers = await db.DisplayNamesAsync(managerIds, ct);
        var teams = (await db.Set<TeamMember>().Where(m => ids.Contains(m.UserId))
            .Join(db.Set<Team>(), m => m.TeamId, t => t.Id, (m, t) => new { m.UserId, t.Id, t.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => new Ref(x.Id, x.Name));
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        return people.Select(p => new PersonView(p.Id, p.UserName!, p.DisplayName, p.Email, p.JobTitle, p.TimeZone,
            p.BusinessUnitId is { } b && units.TryGetValue(b, out var bn) ? new Ref(b, bn) : null,
            p.ManagerId is { } m && managers.TryGetValue(m, out var mn) ? new Ref(m, mn) : null,
            teams[p.Id].OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            roles[p.Id].OrderBy(r => r, StringComparer.Ordinal).ToList(), p.IsActive, p.Version)).ToList();
    }
}
