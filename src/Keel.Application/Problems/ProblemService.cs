using Keel.Application.Data;
using Keel.Application.Knowledge;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Problems;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Problems;

/// <summary>The body of <c>POST /api/v1/problems</c>; <see cref="Incidents"/> are incident numbers to link.</summary>
public sealed record ProblemDraft(
    string? Title, string? Description, Guid? ServiceId, Guid? ConfigurationItemId, int? Impact, int? Urgency, string? Category,
    IReadOnlyList<string>? Incidents = null);

/// <summary>A problem's merge patch: the work item's fields and the problem's root cause and workaround.</summary>
public sealed record ProblemPatch(WorkPatch Work, Optional<string?> RootCause = default, Optional<string?> Workaround = default);

/// <summary>
/// Raising, reading and changing problems and linking their incidents. Moves go through <see cref="WorkItemService"/>
/// like every kind (the problem's rules are checked by <see cref="ProblemMoves"/>).
/// </summary>
public sealed class ProblemService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work, WorkViews views)
{
    private const string Problem = "The problem";

    public async Task<Result<ProblemView>> CreateAsync(ProblemDraft draft, CancellationToken ct) =>
        ProblemAccess.CanWork(user) ? await CreateAsync(draft, candidateId: null, ct) : ProblemAccess.NotForYou();

    /// <summary>Raises the problem and links its incidents in one save; <paramref name="candidateId"/> when accepted from a candidate.</summary>
    internal async Task<Result<ProblemView>> CreateAsync(ProblemDraft draft, Guid? candidateId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var item = new WorkItem
        {
            Kind = WorkKind.Problem,
            Title = draft.Title?.Trim() ?? "",
            Description = draft.Description ?? "",
            ServiceId = draft.ServiceId ?? Guid.Empty,
            ConfigurationItemId = draft.ConfigurationItemId,
            Category = string.IsNullOrWhiteSpace(draft.Category) ? null : draft.Category.Trim(),
            RequesterId = user.UserId ?? Guid.Empty,
            Impact = draft.Impact ?? 3,
            Urgency = draft.Urgency ?? 3,
            // Problem management removes causes so incidents stop recurring: improvement of the services people already have.
            ValueChainActivity = ValueChainActivity.Improve,
        };
        item.Validate(errors);
        await CheckReferencesAsync(item, errors, ct);
        var incidents = await IncidentsAsync(draft.Incidents ?? [], "incidents", errors, ct);
        if (item.RequesterId == Guid.Empty)
        {
            errors.Add("requester", "is unknown: problems are raised by a person.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        item.Priority = settings.Matrix.PriorityOf(item.Impact, item.Urgency);
        item.Number = await WorkNumbers.NextAsync(db, WorkKind.Problem, ct);
        item.Open(user.UserId, now);
        await Keel.Application.Balance.WorkClassifier.DefaultsAsync(db, item, ct);
        db.Add(item);
        db.Add(new ProblemRecord { WorkItemId = item.Id, CandidateId = candidateId });
        foreach (var incident in incidents)
        {
            Link(incident, item, now);
        }
        return await db.SaveOrConflictAsync(ct) ?? (Result<ProblemView>)await ViewAsync(item, ct);
    }

    public async Task<Result<ProblemView>> GetAsync(string number, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        return await work.FindAsync(WorkKind.Problem, number, tracked: false, ct) is { } item
            ? await ViewAsync(item, ct)
            : Error.NotFound(Problem);
    }

    /// <summary>Changes the work item's fields and the root cause and workaround together, under the item's version.</summary>
    public async Task<Result<ProblemView>> UpdateAsync(string number, long expectedVersion, ProblemPatch patch, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        var item = await work.FindAsync(WorkKind.Problem, number, tracked: true, ct);
        if (item is null)
        {
            return Error.NotFound(Problem);
        }
        if (item.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var record = await db.Set<ProblemRecord>().FirstOrDefaultAsync(r => r.WorkItemId == item.Id, ct);
        if (record is null)
        {
            record = new ProblemRecord { WorkItemId = item.Id };
            db.Add(record);
        }
        if (item.State == WorkState.KnownError && patch.Workaround.IsSet && !ProblemAccess.CanDecide(user)
            && (string.IsNullOrWhiteSpace(patch.Workaround.Value) ? null : patch.Workaround.Value.Trim()) != record.Workaround)
        {
            db.ChangeTracker.Clear();
            return ProblemAccess.NotYourKnownError();
        }
        var now = time.GetUtcNow().UtcDateTime;
        SetText(item, "rootCause", record.RootCause, patch.RootCause, v => record.RootCause = v, now);
        SetText(item, "workaround", record.Workaround, patch.Workaround, v => record.Workaround = v, now);
        var errors = new FieldErrors();
        record.Validate(errors);
        // A known error is known by its workaround: it cannot be taken away while the problem stands as one.
        if (item.State == WorkState.KnownError && !record.HasWorkaround)
        {
            errors.Add("workaround", "is required while the problem is a known error.");
        }
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.ToError();
        }
        if (item.State == WorkState.KnownError)
        {
            // Readers of the knowledge base get the new workaround or root cause as the article's next version.
            await KnownErrorPublisher.PublishAsync(db, item, record, user.UserId, now, ct);
        }
        // The work item's part validates, saves both (the tracked record and item go in the same save) and checks the version.
        var saved = await work.UpdateAsync(WorkKind.Problem, number, expectedVersion, patch.Work, ct);
        return saved.IsSuccess ? await ViewAsync(item, ct) : saved.Error!;
    }

    public async Task<Result<IReadOnlyList<ProblemIncidentView>>> IncidentsAsync(string number, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        if (await work.FindAsync(WorkKind.Problem, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(Problem);
        }
        return Result<IReadOnlyList<ProblemIncidentView>>.Ok((await ProblemViews.IncidentsAsync(db, item.Id, ct)).Items);
    }

    /// <summary>Links an incident to the problem (the incident is caused by the problem).</summary>
    public async Task<Result<ProblemView>> LinkIncidentAsync(string number, string? incidentNumber, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        if (await work.FindAsync(WorkKind.Problem, number, tracked: true, ct) is not { } problem)
        {
            return Error.NotFound(Problem);
        }
        var errors = new FieldErrors();
        var incidents = await IncidentsAsync([incidentNumber ?? ""], "number", errors, ct);
        if (incidents.Count == 1 && await IsLinkedAsync(incidents[0].Id, problem.Id, ct))
        {
            errors.Add("number", $"{incidents[0].Number} is already linked to {problem.Number}.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        Link(incidents[0], problem, time.GetUtcNow().UtcDateTime);
        return await db.SaveOrConflictAsync(ct) ?? (Result<ProblemView>)await ViewAsync(problem, ct);
    }

    public async Task<Result<ProblemView>> UnlinkIncidentAsync(string number, string incidentNumber, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        if (await work.FindAsync(WorkKind.Problem, number, tracked: true, ct) is not { } problem)
        {
            return Error.NotFound(Problem);
        }
        var links = WorkNumber.TryNormalize(incidentNumber, WorkKind.Incident, out var normalized)
            ? await db.Set<WorkLink>().Where(l => l.ToId == problem.Id && l.Type == WorkLinkType.CausedBy
                                                  && db.Set<WorkItem>().Any(w => w.Id == l.FromId && w.Number == normalized)).ToListAsync(ct)
            : [];
        if (links.Count == 0)
        {
            return Error.NotFound($"A link from {incidentNumber} to {problem.Number}");
        }
        db.RemoveRange(links);
        problem.Events.Add(new WorkEvent
        {
            WorkItemId = problem.Id, At = time.GetUtcNow().UtcDateTime, ActorId = user.UserId, Type = WorkEventType.Linked,
            Field = "incident", From = normalized, Internal = true,
        });
        return await db.SaveOrConflictAsync(ct) ?? (Result<ProblemView>)await ViewAsync(problem, ct);
    }

    /// <summary>
    /// The known error as the knowledge base publishes it (title, workaround, root cause, service); a conflict while the
    /// problem has no workaround.
    /// </summary>
    public async Task<Result<KnownErrorContent>> KnownErrorAsync(string number, CancellationToken ct)
    {
        if (!ProblemAccess.CanWork(user))
        {
            return ProblemAccess.NotForYou();
        }
        if (await work.FindAsync(WorkKind.Problem, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(Problem);
        }
        var record = await db.Set<ProblemRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.WorkItemId == item.Id, ct) ?? new ProblemRecord();
        return KnownErrorContent.Of(item, record) is { } content ? content : Error.Conflict($"{item.Number} has no workaround to publish yet.");
    }

    private void Link(WorkItem incident, WorkItem problem, DateTime now)
    {
        db.Add(new WorkLink { FromId = incident.Id, ToId = problem.Id, Type = WorkLinkType.CausedBy, CreatedById = user.UserId, CreatedAt = now });
        db.Add(new WorkEvent { WorkItemId = incident.Id, At = now, ActorId = user.UserId, Type = WorkEventType.Linked, Field = nameof(WorkLinkType.CausedBy), To = problem.Number, Internal = true });
        problem.Events.Add(new WorkEvent { WorkItemId = problem.Id, At = now, ActorId = user.UserId, Type = WorkEventType.Linked, Field = "incident", To = incident.Number, Internal = true });
    }

    private Task<bool> IsLinkedAsync(Guid incidentId, Guid problemId, CancellationToken ct) =>
        db.Set<WorkLink>().AnyAsync(l => l.FromId == incidentId && l.ToId == problemId && l.Type == WorkLinkType.CausedBy, ct);

    /// <summary>The incidents named by number; each unknown one is a field error.</summary>
    private async Task<IReadOnlyList<WorkItem>> IncidentsAsync(IReadOnlyList<string> numbers, string field, FieldErrors errors, CancellationToken ct)
    {
        var normalized = new List<string>();
        foreach (var number in numbers.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (WorkNumber.TryNormalize(number?.Trim(), WorkKind.Incident, out var n))
            {
                normalized.Add(n);
            }
            else
            {
                errors.Add(field, $"'{number}' is not an incident number (INC…).");
            }
        }
        if (normalized.Count > ProblemViews.IncidentsShown)
        {
            errors.Add(field, $"must name at most {ProblemViews.IncidentsShown} incidents at once.");
            return [];
        }
        var found = await db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Incident && normalized.Contains(w.Number)).ToListAsync(ct);
        foreach (var missing in normalized.Except(found.Select(f => f.Number)))
        {
            errors.Add(field, $"{missing} is not an incident.");
        }
        return found;
    }

    private async Task CheckReferencesAsync(WorkItem item, FieldErrors errors, CancellationToken ct)
    {
        if (item.ServiceId != Guid.Empty && !await db.Set<Service>().AnyAsync(s => s.Id == item.ServiceId, ct))
        {
            errors.Add("serviceId", "is not a service.");
        }
        if (item.ConfigurationItemId is { } ci && !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ci, ct))
        {
            errors.Add("configurationItemId", "is not a configuration item.");
        }
    }

    /// <summary>Sets a Markdown field of the record and writes a history line with the start of the new text (history lines are short).</summary>
    /// <summary>The problem as the caller sees it: only the problem manager's part offers the move to KnownError.</summary>
    private Task<ProblemView> ViewAsync(WorkItem item, CancellationToken ct) => ProblemViews.OneAsync(db, views, item, ProblemAccess.CanDecide(user), ct);

    private void SetText(WorkItem item, string field, string? current, Optional<string?> next, Action<string?> set, DateTime now)
    {
        if (!next.IsSet)
        {
            return;
        }
        var value = string.IsNullOrWhiteSpace(next.Value) ? null : next.Value.Trim();
        if (value == current)
        {
            return;
        }
        set(value);
        item.UpdatedAt = now;
        // The record has no version of its own: the item's, bumped on this save, guards it.
        db.Entry(item).Property(w => w.UpdatedAt).IsModified = true;
        item.Events.Add(new WorkEvent
        {
            WorkItemId = item.Id, At = now, ActorId = user.UserId, Type = WorkEventType.FieldChanged, Field = field,
            From = Excerpt(current), To = Excerpt(value), Internal = true,
        });
    }

    private static string? Excerpt(string? text) => text is { Length: > 200 } ? text[..199] + "…" : text;
}
