namespace Keel.Domain.Services.Configuration;

/// <summary>
/// How two CIs are related. A relationship reads as a sentence from its <c>From</c> to its <c>To</c>:
/// "CRM DependsOn CRM-DB", "CRM-DB RunsOn vm-17", "vm-17 HostedBy esx-03", "esx-03 ConnectsTo core-switch".
/// In every type the From side needs the To side, so a failure travels against the arrow (see
/// <see cref="RelationshipTypes.FailurePropagatesToFrom"/>).
/// </summary>
public enum RelationshipType
{
    /// <summary>From needs To to work (an application and its database, a service and an API it calls).</summary>
    DependsOn,

    /// <summary>From is software that runs on the To platform (a database on a server, an app on a cluster).</summary>
    RunsOn,

    /// <summary>From reaches the network or another system through To (a server through a switch, an app through a VPN gateway).</summary>
    ConnectsTo,

    /// <summary>From lives inside To (a virtual machine on a hypervisor host, a site with a cloud provider).</summary>
    HostedBy,
}

public static class RelationshipTypes
{
    /// <summary>
    /// Whether a failure of the To side affects the From side. True for every type today: each one is phrased
    /// "From needs To". The reverse never holds — a database does not fail because one of its applications
    /// did, and a switch does not fail because a server behind it did. The exhaustive switch makes a new
    /// relationship type (e.g. a "Contains" read the other way) decide its direction before it compiles.
    /// </summary>
    public static bool FailurePropagatesToFrom(RelationshipType type) => type switch
    {
        RelationshipType.DependsOn => true,
        RelationshipType.RunsOn => true,
        RelationshipType.ConnectsTo => true,
        RelationshipType.HostedBy => true,
    };
}
