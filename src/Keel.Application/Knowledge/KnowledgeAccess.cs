using Keel.Application.Platform;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;

namespace Keel.Application.Knowledge;

/// <summary>
/// Who does what with knowledge. Keel has no knowledge-manager role: IT staff write and submit drafts; a team lead, an
/// admin or the article's owner approves (publishes) and retires. Everyone else (requesters, executives) reads only
/// published, unretired articles about services offered to their business unit.
/// </summary>
public static class KnowledgeAccess
{
    public static readonly IReadOnlyList<string> WriterRoles =
    [
        Roles.Agent, Roles.TeamLead, Roles.ProblemManager, Roles.ChangeManager, Roles.CabMember,
        Roles.ServiceOwner, Roles.ItLeader, Roles.Admin,
    ];

    public static readonly IReadOnlyList<string> ApproverRoles = [Roles.TeamLead, Roles.Admin];

    public static bool IsWriter(ICurrentUser user) => WriterRoles.Any(user.IsInRole);

    public static bool CanApprove(ICurrentUser user, KnowledgeArticle article) =>
        ApproverRoles.Any(user.IsInRole) || (IsWriter(user) && user.UserId == article.OwnerId);
}
