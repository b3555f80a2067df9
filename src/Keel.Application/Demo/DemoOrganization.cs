using Keel.Application.Platform;
using Keel.Domain.Platform;

namespace Keel.Application.Demo;

/// <summary>The people, business units and teams the organization step created, for later steps to build on.</summary>
internal sealed class DemoOrganization
{
    public List<BusinessUnit> BusinessUnits { get; } = [];
    public List<Team> Teams { get; } = [];
    public List<KeelUser> People { get; } = [];

    /// <summary>The roles of each person, by user id.</summary>
    public Dictionary<Guid, List<string>> RolesOf { get; } = [];

    public int Memberships => Teams.Sum(t => t.Members.Count);

    public KeelUser Person(string userName) => People.Single(p => p.UserName == userName);

    public Team Team(string name) => Teams.Single(t => t.Name == name);

    public BusinessUnit Unit(string code) => BusinessUnits.Single(u => u.Code == code);

    public IEnumerable<KeelUser> InRole(string role) =>
        People.Where(p => RolesOf.TryGetValue(p.Id, out var roles) && roles.Contains(role));
}
