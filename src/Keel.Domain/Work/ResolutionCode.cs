namespace Keel.Domain.Work;

/// <summary>How an incident was resolved (the codes service desks coming from ServiceNow know).</summary>
public enum ResolutionCode
{
    SolvedPermanently,
    SolvedWorkaround,
    SolvedRemotely,
    NotReproducible,
    TooCostly,
    ResolvedByCaller,
    Duplicate,
}
