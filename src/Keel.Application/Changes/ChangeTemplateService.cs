using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

public sealed record ChangeTemplateView(Guid Id, string Name, string Description, Ref Service, string ImplementationPlan, string BackoutPlan, string TestPlan);

/// <summary>The active standard change templates, for the template picker of a new standard change (a short list, not paged).</summary>
public sealed class ChangeTemplateService(KeelDb db, ICurrentUser user)
{
    public const int MaxTemplates = 500;

    public async Task<Result<IReadOnlyList<ChangeTemplateView>>> ActiveAsync(CancellationToken ct)
    {
        if (!ChangeAccess.CanWork(user))
        {
            return ChangeAccess.Refused();
        }
        var rows = await db.Set<ChangeTemplate>().AsNoTracking().Where(t => t.Active).OrderBy(t => t.Name).Take(MaxTemplates)
            .Join(db.Set<Keel.Domain.Services.Service>(), t => t.ServiceId, s => s.Id,
                (t, s) => new ChangeTemplateView(t.Id, t.Name, t.Description, new Ref(s.Id, s.Name), t.ImplementationPlan, t.BackoutPlan, t.TestPlan))
            .ToListAsync(ct);
        return rows;
    }
}
