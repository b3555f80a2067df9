namespace Keel.Web.Components.Shared;

/// <summary>Role names as people read them (the API keeps the identifiers).</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        "Requester" => "Requester",
        "Agent" => "Agent",
        "TeamLead" => "Team lead",
        "ProblemManager" => "Problem manager",
        "ChangeManager" => "Change manager",
        "CabMember" => "CAB member",
        "ServiceOwner" => "Service owner",
        "ItLeader" => "IT leader",
        "Executive" => "Executive",
        "Admin" => "Administrator",
        _ => role,
    };
}
