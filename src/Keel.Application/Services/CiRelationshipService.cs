using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

/// <summary>A relationship as read: "From Type To".</summary>
public sealed record RelationshipView(Guid Id, Ref From, RelationshipType Type, Ref To);

/// <summary>Posted to a CI: give <c>toId</c> for "this CI Type toId", or <c>fromId</c> for "fromId Type this CI".</summary>
public sealed record RelationshipDraft(RelationshipType? Type, Guid? ToId, Guid? FromId);

/// <summary>The typed, directed relationships between CIs. Cycles are allowed; impact analysis copes with them.</summary>
public sealed class CiRelationshipService(KeelDb db, ICurrentUser user, ImpactGraphCache impact)
{
    private static readonly KeysetPager<CiRelationship> Pager = new(r => r.Id, SortKey<CiRelationship>.By("id", r => r.Id));

    /// <summary>Both directions: what the CI needs and what needs it.</summary>
    public async Task<Result<Page<RelationshipView>>> ListAsync(Guid ciId, PageRequest page, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal || !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ciId, ct))
        {
            return Error.NotFound("The configuration item");
        }
        var result = await Pager.PageAsync(db.Set<CiRelationship>().AsNoTracking().Where(r => r.FromId == ciId || r.ToId == ciId), page, ct);
        return result.IsSuccess ? new Page<RelationshipView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<RelationshipView>> AddAsync(Guid ciId, RelationshipDraft draft, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal || !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ciId, ct))
        {
            return Error.NotFound("The configuration item");
        }
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins change relationships.");
        }
        var errors = new FieldErrors();
        if ((draft.ToId is null) == (draft.FromId is null))
        {
            return Error.Validation("toId", "give either toId (this CI depends on it) or fromId (it depends on this CI).");
        }
        var relationship = new CiRelationship
        {
            FromId = draft.FromId ?? ciId,
            ToId = draft.ToId ?? ciId,
            Type = draft.Type ?? (RelationshipType)(-1),
        };
        relationship.Validate(errors);
        var other = draft.ToId ?? draft.FromId!.Value;
        if (!errors.Any && !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == other, ct))
        {
            errors.Add(draft.ToId is null ? "fromId" : "toId", "is not a known configuration item.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (await db.Set<CiRelationship>().AnyAsync(r => r.FromId == relationship.FromId && r.ToId == relationship.ToId && r.Type == relationship.Type, ct))
        {
            return Error.Conflict("This relationship already exists.");
        }
        db.Add(relationship);
        await db.SaveChangesAsync(ct);
        impact.Invalidate();
        return (await ViewsAsync([relationship], ct))[0];
    }

    public async Task<Result<bool>> RemoveAsync(Guid ciId, Guid relationshipId, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.NotFound("The relationship");
        }
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins change relationships.");
        }
        var relationship = await db.Set<CiRelationship>()
            .FirstOrDefaultAsync(r => r.Id == relationshipId && (r.FromId == ciId || r.ToId == ciId), ct);
        if (relationship is null)
        {
            return Error.NotFound("The relationship");
        }
        db.Remove(relationship);
        await db.SaveChangesAsync(ct);
        impact.Invalidate();
        return true;
    }

    private async Task<List<RelationshipView>> ViewsAsync(IReadOnlyList<CiRelationship> relationships, CancellationToken ct)
    {
        var ids = relationships.SelectMany(r => new[] { r.FromId, r.ToId }).Distinct().ToList();
        var names = await db.Set<ConfigurationItem>().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return relationships.Select(r => new RelationshipView(r.Id, new Ref(r.FromId, names.GetValueOrDefault(r.FromId, "")), r.Type,
            new Ref(r.ToId, names.GetValueOrDefault(r.ToId, "")))).ToList();
    }
}
