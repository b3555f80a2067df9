namespace Keel.Domain.Platform;

/// <summary>The roles of PRODUCT.md, by the names the API uses.</summary>
public static class Roles
{
    public const string Requester = nameof(Requester);
    public const string Agent = nameof(Agent);
    public const string TeamLead = nameof(TeamLead);
    public const string ProblemManager = nameof(ProblemManager);
    public const string ChangeManager = nameof(ChangeManager);
    public const string CabMember = nameof(CabMember);
    public const string ServiceOwner = nameof(ServiceOwner);
    public const string ItLeader = nameof(ItLeader);
    public const string Executive = nameof(Executive);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All =
    [
        Requester, Agent, TeamLead, ProblemManager, ChangeManager,
        CabMember, ServiceOwner, ItLeader, Executive, Admin,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
