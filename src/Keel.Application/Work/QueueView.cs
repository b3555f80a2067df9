using System.Text.Json.Serialization;
using Keel.Domain.Work;

namespace Keel.Application.Work;

/// <summary>
/// What the agent workspace shows: one kind's queue, narrowed by filters, in an order. It lives in /work's address
/// (so it can be bookmarked and the back button works) and, as a versioned JSON document, in saved views.
/// Empty lists mean "no filter"; values are in the order the agent chose them.
/// </summary>
public sealed record QueueView(
    WorkKind Kind = WorkKind.Incident,
    WorkQueue Queue = WorkQueue.Mine,
    IReadOnlyList<WorkState>? State = null,
    IReadOnlyList<int>? Priority = null,
    IReadOnlyList<Guid>? Service = null,
    string? Q = null,
    string Sort = QueueView.DefaultSort)
{
    public const string DefaultSort = "-updatedAt";
    public const int QMaxLength = 200;

    /// <summary>The kinds worked in the workspace (problems and changes have their own areas).</summary>
    public static readonly IReadOnlyList<WorkKind> Kinds = [WorkKind.Incident, WorkKind.Request, WorkKind.Task];

    /// <summary>The version of the stored document this code writes; written into it so a later shape can be told apart.</summary>
    public int Schema => QueueViewDocument.Schema;

    [JsonIgnore] public IReadOnlyList<WorkState> States => State ?? [];
    [JsonIgnore] public IReadOnlyList<int> Priorities => Priority ?? [];
    [JsonIgnore] public IReadOnlyList<Guid> Services => Service ?? [];

    /// <summary>Same queue, filters and order (records compare lists by reference, so compare the stored form).</summary>
    public bool SameAs(QueueView other) => QueueViewDocument.Write(this) == QueueViewDocument.Write(other);
}
