using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Application.Work;

/// <summary>List filters of API.md: each named after its field; several values mean "any of".</summary>
public sealed record WorkFilter(
    IReadOnlyList<WorkState>? State = null,
    IReadOnlyList<int>? Priority = null,
    IReadOnlyList<Guid>? Service = null,
    IReadOnlyList<Guid>? Team = null,
    IReadOnlyList<Guid>? Assignee = null,
    IReadOnlyList<Guid>? Requester = null,
    bool? Unassigned = null,
    bool? Major = null,
    Guid? Parent = null,
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    DateTime? UpdatedFrom = null,
    DateTime? UpdatedTo = null,
    string? Q = null,
    IReadOnlyList<SlaStatus>? Sla = null);

internal static class WorkQueries
{
    public static readonly KeysetPager<WorkItem> Pager = new(w => w.Id,
        SortKey<WorkItem>.By("number", w => w.Number),
        SortKey<WorkItem>.By("createdAt", w => w.CreatedAt),
        SortKey<WorkItem>.By("updatedAt", w => w.UpdatedAt),
        SortKey<WorkItem>.By("priority", w => w.Priority),
        SortKey<WorkItem>.By("title", w => w.Title),
        // Time to breach: the soonest due time of a clock still counting; items without one come last.
        SortKey<WorkItem>.By("dueAt", w => w.SlaDueAt ?? NoDueTime));

    private static readonly DateTime NoDueTime = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public static IQueryable<WorkItem> Apply(IQueryable<WorkItem> query, WorkFilter f)
    {
        if (f.State is { Count: > 0 } states)
        {
            query = query.Where(w => states.Contains(w.State));
        }
        if (f.Priority is { Count: > 0 } priorities)
        {
            query = query.Where(w => priorities.Contains(w.Priority));
        }
        if (f.Service is { Count: > 0 } services)
        {
            query = query.Where(w => services.Contains(w.ServiceId));
        }
        if (f.Team is { Count: > 0 } teams)
        {
            query = query.Where(w => w.TeamId != null && teams.Contains(w.TeamId.Value));
        }
        if (f.Assignee is { Count: > 0 } assignees)
        {
            query = query.Where(w => w.AssigneeId != null && assignees.Contains(w.AssigneeId.Value));
        }
        if (f.Requester is { Count: > 0 } requesters)
        {
            query = query.Where(w => requesters.Contains(w.RequesterId) || (w.RequestedForId != null && requesters.Contains(w.RequestedForId.Value)));
        }
        if (f.Unassigned is { } unassigned)
        {
            query = unassigned ? query.Where(w => w.AssigneeId == null) : query.Where(w => w.AssigneeId != null);
        }
        if (f.Major is { } major)
        {
            query = query.Where(w => w.IsMajor == major);
        }
        if (f.Sla is { Count: > 0 } sla)
        {
            query = query.Where(w => w.SlaStatus != null && sla.Contains(w.SlaStatus.Value));
        }
        if (f.Parent is { } parent)
        {
            query = query.Where(w => w.ParentId == parent);
        }
        if (f.CreatedFrom is { } createdFrom)
        {
            query = query.Where(w => w.CreatedAt >= createdFrom);
        }
        if (f.CreatedTo is { } createdTo)
        {
            query = query.Where(w => w.CreatedAt < createdTo);
        }
        if (f.UpdatedFrom is { } updatedFrom)
        {
            query = query.Where(w => w.UpdatedAt >= updatedFrom);
        }
        if (f.UpdatedTo is { } updatedTo)
        {
            query = query.Where(w => w.UpdatedAt < updatedTo);
        }
        return query;
    }

    public static bool IsStateOf(WorkKind kind, WorkState state) => Workflows.For(kind).Uses(state);

    public static bool IsPriority(int priority) => priority is >= PriorityMatrix.HighestPriority and <= PriorityMatrix.LowestPriority;

    public static void Validate(WorkFilter f, WorkKind kind, FieldErrors errors)
    {
        if (f.State?.Any(s => !IsStateOf(kind, s)) == true)
        {
            errors.Add("state", $"must be among {string.Join(", ", Workflows.For(kind).States)}.");
        }
        if (f.Priority?.Any(p => !IsPriority(p)) == true)
        {
            errors.Add("priority", "must be between 1 and 4.");
        }
        if (f.CreatedFrom > f.CreatedTo)
        {
            errors.Add("createdFrom", "must be before createdTo.");
        }
        if (f.UpdatedFrom > f.UpdatedTo)
        {
            errors.Add("updatedFrom", "must be before updatedTo.");
        }
    }
}
