using Microsoft.AspNetCore.Identity;

namespace Keel.Application.Demo;

/// <summary>Adds the business units, teams, people and their roles of the profile in one save.</summary>
internal sealed class OrganizationStep : IDemoSeedStep
{
    public string Name => "organization";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var organization = context.Profile switch
        {
            DemoProfile.Tiny => TinyOrganization.Build(context),
            DemoProfile.Demo => DemoCompany.Build(context),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Profile, "Unknown demo profile."),
        };

        var db = context.Db;
        db.AddRange(organization.BusinessUnits);
        db.AddRange(organization.People);
        db.AddRange(organization.Teams);
        db.UserRoles.AddRange(organization.RolesOf.SelectMany(person => person.Value.Select(role =>
            new IdentityUserRole<Guid> { UserId = person.Key, RoleId = context.RolesByName[role].Id })));
        await db.SaveChangesAsync(ct);

        context.Organization = organization;
        context.Count("business units", organization.BusinessUnits.Count);
        context.Count("teams", organization.Teams.Count);
        context.Count("people", organization.People.Count);
        context.Count("team memberships", organization.Memberships);
    }
}
