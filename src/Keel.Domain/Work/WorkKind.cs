namespace Keel.Domain.Work;

/// <summary>The kinds of work that share the one work table (as ServiceNow's task table).</summary>
public enum WorkKind
{
    Incident,
    Request,
    Task,
    Problem,
    Change,
}
