using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Domain.Problems;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Problems;

/// <summary>
/// Proposes problem candidates (<see cref="CandidateDetector"/>): N or more recent incidents with the same CI, category
/// or service that no problem explains yet. Idempotent: a group with an open candidate only gets its new incidents.
/// </summary>
public sealed class ProblemCandidateHandler(KeelDb db, TimeProvider time) : IJobHandler
{
    public const string JobType = "problems.candidates";
    public const string Schedule = "every 1h";

    public string Type => JobType;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) => ProposeAsync(cancellationToken);

    /// <summary>Stores new candidates and refreshes open ones; returns how many new candidates it proposed.</summary>
    public async Task<int> ProposeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await ProblemSettingsService.CurrentAsync(db, ct);
        var since = now - settings.Window;
        var recent = db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Incident && w.CreatedAt > since && w.CreatedAt <= now
                                                   && w.State != WorkState.Cancelled && w.DuplicateOfId == null);
        var incidents = await ProblemViews.WithoutProblem(db, recent)
            .Select(w => new CandidateIncident(w.Id, w.ServiceId, w.ConfigurationItemId, w.Category, w.CreatedAt)).ToListAsync(ct);
        var stored = await db.Set<ProblemCandidate>().Include(c => c.Incidents)
            .Where(c => c.State == CandidateState.Open || (c.State == CandidateState.Dismissed && c.DecidedAt > since)).ToListAsync(ct);
        var known = stored.Select(c => new KnownCandidate(c.Id, c.Group, c.Key, c.State, c.DecidedAt, c.Incidents.Select(i => i.WorkItemId).ToList())).ToList();
        var created = 0;
        foreach (var proposal in CandidateDetector.Detect(incidents, known, settings, now))
        {
            var candidate = stored.FirstOrDefault(c => c.Id == proposal.OpenCandidateId);
            if (candidate is null)
            {
                candidate = new ProblemCandidate { Group = proposal.Group, Key = proposal.Key, State = CandidateState.Open, CreatedAt = now, FirstIncidentAt = proposal.FirstIncidentAt };
                db.Add(candidate);
                created++;
            }
            var added = proposal.IncidentIds.Except(candidate.Incidents.Select(i => i.WorkItemId)).ToList();
            if (added.Count == 0)
            {
                continue;
            }
            candidate.Incidents.AddRange(added.Select(id => new ProblemCandidateIncident { CandidateId = candidate.Id, WorkItemId = id }));
            candidate.ServiceId = proposal.ServiceId;
            candidate.ConfigurationItemId = proposal.ConfigurationItemId;
            candidate.Category = proposal.Category;
            candidate.LastIncidentAt = proposal.LastIncidentAt;
            candidate.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return created;
    }
}
