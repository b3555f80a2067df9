using Keel.Application.Platform;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>Creates every role of <see cref="Roles"/> that is not there yet (the host may have created some).</summary>
internal sealed class RolesStep : IDemoSeedStep
{
    public string Name => "roles";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var existing = await context.Db.Roles.ToListAsync(ct);
        foreach (var role in existing.Where(r => r.Name is not null))
        {
            context.RolesByName[role.Name!] = role;
        }
        var created = 0;
        foreach (var name in Roles.All.Where(name => !context.RolesByName.ContainsKey(name)))
        {
            var role = new KeelRole(name) { Id = context.Ids.NextGuid() };
            context.Db.Roles.Add(role);
            context.RolesByName[name] = role;
            created++;
        }
        await context.Db.SaveChangesAsync(ct);
        context.Count("roles", created);
    }
}
