using System.Globalization;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Problems;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Problems;

public sealed record CandidateView(
    Guid Id, CandidateGroup Group, string Title, Ref Service, Ref? ConfigurationItem, string? Category, CandidateState State,
    IReadOnlyList<WorkRef> Incidents, DateTime FirstIncidentAt, DateTime LastIncidentAt, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? DecidedAt, Ref? DecidedBy, string? DismissReason, WorkRef? Problem, long Version);

public sealed record DismissDraft(string? Reason);

/// <summary>
/// Problem candidates proposed by <see cref="ProblemCandidateHandler"/>: listed for problem staff; accepted (a problem
/// linked to the candidate's incidents is raised) or dismissed with a reason by a problem manager or an admin.
/// </summary>
public sealed class CandidateService(KeelDb db, ICurrentUser user, TimeProvider time, ProblemService problems)
{
    private static readonly KeysetPager<ProblemCandidate> Pager = new(c => c.Id,
        SortKey<ProblemCandidate>.By("createdAt", c => c.CreatedAt),
        SortKey<ProblemCandidate>.By("updatedAt", c => c.UpdatedAt));

    public async Task<Result<Page<CandidateView>>> ListAsync(IReadOnlyList<CandidateState>? states, PageRequest page, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        var wanted = states is { Count: > 0 } ? states : [CandidateState.Open];
        var result = await Pager.PageAsync(db.Set<ProblemCandidate>().AsNoTracking().Include(c => c.Incidents).Where(c => wanted.Contains(c.State)),
            page with { Sort = page.Sort ?? "-createdAt" }, ct);
        return result.IsSuccess ? new Page<CandidateView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<CandidateView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        var candidate = await db.Set<ProblemCandidate>().AsNoTracking().Include(c => c.Incidents).FirstOrDefaultAsync(c => c.Id == id, ct);
        return candidate is null ? Error.NotFound("The problem candidate") : (await ViewsAsync([candidate], ct))[0];
    }

    /// <summary>Runs the candidate check now instead of at the next hourly run; answers how many new candidates it proposed.</summary>
    public async Task<Result<int>> DetectNowAsync(CancellationToken ct)
    {
        if (!ProblemAccess.CanDecide(user))
        {
            return ProblemAccess.NotYourDecision();
        }
        try
        {
            return await new ProblemCandidateHandler(db, time).ProposeAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The hourly job on another node stored the same group a moment earlier (one open candidate per group).
            db.ChangeTracker.Clear();
            return Error.Conflict("Keel was checking for candidates at the same moment; look at the list again.");
        }
    }

    /// <summary>Raises a problem linked to the candidate's incidents and marks the candidate accepted, in one save.</summary>
    public async Task<Result<ProblemView>> AcceptAsync(Guid id, long? expectedVersion, CancellationToken ct)
    {
        var found = await DecidableAsync(id, expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var candidate = found.Value!;
        var view = (await ViewsAsync([candidate], ct))[0];
        var incidents = await db.Set<WorkItem>().Where(w => candidate.Incidents.Select(i => i.WorkItemId).Contains(w.Id))
            .Select(w => new { w.Number, w.Impact, w.Urgency }).ToListAsync(ct);
        Decide(candidate, CandidateState.Accepted, null);
        var first = candidate.FirstIncidentAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = candidate.LastIncidentAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var draft = new ProblemDraft(
            $"Recurring incidents {Subject(candidate, view.ConfigurationItem?.Name, view.Service.Name)}",
            $"Proposed by Keel: {incidents.Count} incidents raised {(first == last ? $"on {first}" : $"between {first} and {last}")} " +
            $"share {Shared(candidate.Group)}. Find their common cause.",
            candidate.ServiceId, candidate.ConfigurationItemId,
            incidents.Count == 0 ? 3 : incidents.Min(i => i.Impact), incidents.Count == 0 ? 3 : incidents.Min(i => i.Urgency),
            candidate.Category, incidents.Select(i => i.Number).ToList());
        return await problems.CreateAsync(draft, candidate.Id, ct);
    }

    public async Task<Result<CandidateView>> DismissAsync(Guid id, long? expectedVersion, DismissDraft draft, CancellationToken ct)
    {
        var found = await DecidableAsync(id, expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var errors = new FieldErrors();
        errors.Required("reason", draft.Reason, WorkItem.NoteMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var candidate = found.Value!;
        Decide(candidate, CandidateState.Dismissed, draft.Reason!.Trim());
        return await db.SaveOrConflictAsync(ct) ?? (Result<CandidateView>)(await ViewsAsync([candidate], ct))[0];
    }

    private async Task<Result<ProblemCandidate>> DecidableAsync(Guid id, long? expectedVersion, CancellationToken ct)
    {
        if (!ProblemAccess.CanDecide(user))
        {
            return ProblemAccess.NotYourDecision();
        }
        var candidate = await db.Set<ProblemCandidate>().Include(c => c.Incidents).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Error.NotFound("The problem candidate");
        }
        if (expectedVersion is { } version && version != candidate.Version)
        {
            return Error.Concurrency();
        }
        if (candidate.State != CandidateState.Open)
        {
            return Error.Conflict($"The candidate was already {candidate.State.ToString().ToLowerInvariant()}.");
        }
        return candidate;
    }

    private void Decide(ProblemCandidate candidate, CandidateState state, string? reason)
    {
        var now = time.GetUtcNow().UtcDateTime;
        candidate.State = state;
        candidate.DecidedAt = candidate.UpdatedAt = now;
        candidate.DecidedById = user.UserId;
        candidate.DismissReason = reason;
    }

    /// <summary>"on configuration item mail-01", "in category Login", "on service Email".</summary>
    private static string Subject(ProblemCandidate candidate, string? ciName, string serviceName) => candidate.Group switch
    {
        CandidateGroup.ConfigurationItem => $"on configuration item {ciName}",
        CandidateGroup.Category => $"in category {candidate.Category}",
        CandidateGroup.Service => $"on service {serviceName}",
    };

    private static string Shared(CandidateGroup group) => group switch
    {
        CandidateGroup.ConfigurationItem => "the same configuration item",
        CandidateGroup.Category => "the same category",
        CandidateGroup.Service => "the same service",
    };

    private async Task<IReadOnlyList<CandidateView>> ViewsAsync(IReadOnlyList<ProblemCandidate> candidates, CancellationToken ct)
    {
        var services = await WorkViews.NamesAsync(db.Set<Service>(), candidates.Select(c => (Guid?)c.ServiceId), s => new { s.Id, s.Name }, x => x.Id, x => x.Name, ct);
        var cis = await WorkViews.NamesAsync(db.Set<ConfigurationItem>(), candidates.Select(c => c.ConfigurationItemId), s => new { s.Id, s.Name }, x => x.Id, x => x.Name, ct);
        var people = await db.DisplayNamesAsync(candidates.Select(c => c.DecidedById).OfType<Guid>(), ct);
        var incidentIds = candidates.SelectMany(c => c.Incidents.Select(i => i.WorkItemId)).Distinct().ToList();
        var incidents = await db.Set<WorkItem>().Where(w => incidentIds.Contains(w.Id)).Select(w => new { w.Id, w.Number, w.Title, w.CreatedAt })
            .ToDictionaryAsync(w => w.Id, ct);
        var candidateIds = candidates.Select(c => (Guid?)c.Id).ToList();
        var accepted = await db.Set<ProblemRecord>().Where(r => candidateIds.Contains(r.CandidateId))
            .Join(db.Set<WorkItem>(), r => r.WorkItemId, w => w.Id, (r, w) => new { r.CandidateId, w.Number, w.Title })
            .ToDictionaryAsync(x => x.CandidateId!.Value, x => new WorkRef(x.Number, x.Title), ct);
        return candidates.Select(c =>
        {
            var refs = c.Incidents.Where(i => incidents.ContainsKey(i.WorkItemId)).Select(i => incidents[i.WorkItemId])
                .OrderByDescending(i => i.CreatedAt).Select(i => new WorkRef(i.Number, i.Title)).ToList();
            var service = new Ref(c.ServiceId, services.GetValueOrDefault(c.ServiceId, ""));
            var ci = c.ConfigurationItemId is { } ciId ? new Ref(ciId, cis.GetValueOrDefault(ciId, "")) : null;
            return new CandidateView(
                c.Id, c.Group, $"{refs.Count} incidents {Subject(c, ci?.Name, service.Name)}", service, ci, c.Category, c.State, refs,
                c.FirstIncidentAt, c.LastIncidentAt, c.CreatedAt, c.UpdatedAt, c.DecidedAt,
                c.DecidedById is { } by ? new Ref(by, people.GetValueOrDefault(by, "")) : null, c.DismissReason,
                accepted.GetValueOrDefault(c.Id), c.Version);
        }).ToList();
    }
}
