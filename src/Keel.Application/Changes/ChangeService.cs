using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

/// <summary>API.md's body for raising a change; a standard change names its template and takes the template's plans.</summary>
public sealed record ChangeDraft(
    string? Title, string? Description, Guid? ServiceId, ChangeType? Type, Guid? TemplateId, string? Reason,
    string? ImplementationPlan, string? BackoutPlan, string? TestPlan, DateTime? PlannedStart, DateTime? PlannedEnd,
    IReadOnlyList<Guid>? ConfigurationItemIds = null, IReadOnlyList<Guid>? ServiceIds = null,
    IReadOnlyDictionary<string, string>? RiskAnswers = null, Guid? Team = null, Guid? Assignee = null);

/// <summary>A merge patch of a change: plans, schedule, targets and answers (while drafted or assessed), team and assignee, the review (while in review).</summary>
public sealed record ChangePatch(
    Optional<string?> Title = default, Optional<string?> Description = default, Optional<string?> Reason = default,
    Optional<string?> ImplementationPlan = default, Optional<string?> BackoutPlan = default, Optional<string?> TestPlan = default,
    Optional<DateTime?> PlannedStart = default, Optional<DateTime?> PlannedEnd = default,
    Optional<IReadOnlyList<Guid>?> ConfigurationItemIds = default, Optional<IReadOnlyList<Guid>?> ServiceIds = default,
    Optional<IReadOnlyDictionary<string, string>?> RiskAnswers = default, Optional<Guid?> Team = default, Optional<Guid?> Assignee = default,
    Optional<ReviewOutcome?> ReviewOutcome = default, Optional<string?> ReviewNote = default);

/// <summary>List filters of the change list, beside the work filters (state, service, team, q…).</summary>
public sealed record ChangeFilter(IReadOnlyList<ChangeType>? Type = null, IReadOnlyList<RiskLevel>? Risk = null);

/// <summary>Raising, reading, listing and editing changes; moves go through <see cref="WorkItemService.TransitionAsync"/> and <see cref="ChangeTransitions"/>.</summary>
public sealed class ChangeService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work, WorkViews views, ApprovalService approvals, ChangeAssessor assessor)
{
    private ChangeViews Views => new(db, views, approvals);

    public async Task<Result<ChangeView>> CreateAsync(ChangeDraft draft, CancellationToken ct)
    {
        if (!ChangeAccess.CanWork(user))
        {
            return ChangeAccess.Refused();
        }
        var errors = new FieldErrors();
        var type = draft.Type ?? ChangeType.Normal;
        ChangeTemplate? template = null;
        if (type == ChangeType.Standard)
        {
            template = draft.TemplateId is { } templateId ? await db.Set<ChangeTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.Active, ct) : null;
            if (template is null)
            {
                errors.Add("templateId", draft.TemplateId is null
                    ? "is required for a standard change: it is raised from a pre-approved template."
                    : "is not an active standard change template.");
            }
        }
        else if (draft.TemplateId is not null)
        {
            errors.Add("templateId", "is only for standard changes.");
        }
        var item = new WorkItem
        {
            Kind = WorkKind.Change,
            Title = draft.Title?.Trim() ?? template?.Name ?? "",
            Description = draft.Description ?? template?.Description ?? "",
            ServiceId = draft.ServiceId ?? template?.ServiceId ?? Guid.Empty,
            ConfigurationItemId = draft.ConfigurationItemIds?.FirstOrDefault() is { } ci && ci != Guid.Empty ? ci : null,
            RequesterId = user.UserId ?? Guid.Empty,
            InvestmentCategory = InvestmentCategory.Run,
            ValueChainActivity = ValueChainActivity.DesignAndTransition,
        };
        var change = new ChangeRecord
        {
            WorkItemId = item.Id, Type = type, TemplateId = template?.Id, Reason = draft.Reason?.Trim() ?? "",
            ImplementationPlan = Pick(draft.ImplementationPlan, template?.ImplementationPlan), BackoutPlan = Pick(draft.BackoutPlan, template?.BackoutPlan),
            TestPlan = Pick(draft.TestPlan, template?.TestPlan), PlannedStart = draft.PlannedStart?.ToUniversalTime(), PlannedEnd = draft.PlannedEnd?.ToUniversalTime(),
            RiskAnswers = draft.RiskAnswers is { Count: > 0 } answers ? JsonSerializer.Serialize(answers, ChangeAssessor.Json) : null,
        };
        item.Validate(errors);
        Validate(change, errors);
        ChangeRisk.Validate(draft.RiskAnswers, errors);
        await assessor.CheckTargetsAsync(draft.ConfigurationItemIds, draft.ServiceIds, errors, ct);
        var service = item.ServiceId == Guid.Empty ? null : await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == item.ServiceId, ct);
        if (item.ServiceId != Guid.Empty && service is null)
        {
            errors.Add("serviceId", "is not a service.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!errors.Any)
        {
            await work.AssignAsync(item, draft.Team ?? service!.DeliveringTeamId, draft.Assignee, errors, now, ct);
        }
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.ToError();
        }
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        item.Priority = settings.Matrix.PriorityOf(item.Impact, item.Urgency);
        item.Number = await WorkNumbers.NextAsync(db, WorkKind.Change, ct);
        item.Open(user.UserId, now);
        await Keel.Application.Balance.WorkClassifier.DefaultsAsync(db, item, ct);
        db.AddRange(item, change);
        var targets = await assessor.SetTargetsAsync(change, item.ServiceId, draft.ConfigurationItemIds ?? [], draft.ServiceIds ?? [], ct);
        await assessor.AssessAsync(item, change, targets, user.UserId, now, ct);
        await db.SaveChangesAsync(ct);
        return await Views.OneAsync(item, ct);
    }

    public async Task<Result<ChangeView>> GetAsync(string number, CancellationToken ct) =>
        await work.FindAsync(WorkKind.Change, number, tracked: false, ct) is { } item ? await Views.OneAsync(item, ct) : Error.NotFound("The change");

    public async Task<Result<Page<ChangeRow>>> ListAsync(WorkFilter filter, ChangeFilter changeFilter, PageRequest page, CancellationToken ct)
    {
        var errors = new FieldErrors();
        WorkQueries.Validate(filter, WorkKind.Change, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var query = WorkQueries.Apply(work.Visible().Where(w => w.Kind == WorkKind.Change), filter);
        if (changeFilter.Type is { Count: > 0 } types)
        {
            query = query.Where(w => db.Set<ChangeRecord>().Any(c => c.WorkItemId == w.Id && types.Contains(c.Type)));
        }
        if (changeFilter.Risk is { Count: > 0 } risks)
        {
            var wanted = risks.Cast<RiskLevel?>().ToList();
            query = query.Where(w => db.Set<ChangeRecord>().Any(c => c.WorkItemId == w.Id && wanted.Contains(c.Risk)));
        }
        query = WorkSearch.Matching(db, query, WorkSearch.Terms(filter.Q));
        var result = await WorkQueries.Pager.PageAsync(query.AsNoTracking(), page, ct);
        return result.IsSuccess ? new Page<ChangeRow>(await Views.RowsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<ChangeView>> UpdateAsync(string number, long expectedVersion, ChangePatch patch, CancellationToken ct)
    {
        var item = await work.FindAsync(WorkKind.Change, number, tracked: true, ct);
        if (item is null)
        {
            return Error.NotFound("The change");
        }
        if (!ChangeAccess.CanWork(user))
        {
            return ChangeAccess.Refused();
        }
        if (item.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var change = await db.Set<ChangeRecord>().FirstAsync(c => c.WorkItemId == item.Id, ct);
        var planning = patch.Reason.IsSet || patch.ImplementationPlan.IsSet || patch.BackoutPlan.IsSet || patch.TestPlan.IsSet || patch.PlannedStart.IsSet
                       || patch.PlannedEnd.IsSet || patch.ConfigurationItemIds.IsSet || patch.ServiceIds.IsSet || patch.RiskAnswers.IsSet;
        if (planning && !ChangeFlow.IsEditable(item.State))
        {
            return Error.Conflict($"{item.Number} is {item.State}: its plans, schedule, targets and answers change only while Draft or Assess.");
        }
        if ((patch.ReviewOutcome.IsSet || patch.ReviewNote.IsSet) && !ChangeFlow.IsReviewable(item.State))
        {
            return Error.Conflict($"{item.Number} is {item.State}: the review is recorded while the change is in Review.");
        }
        if (!item.IsOpen && (patch.Title.IsSet || patch.Team.IsSet || patch.Assignee.IsSet))
        {
            return Error.Conflict($"{item.Number} is {item.State} and no longer changes.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var me = user.UserId;
        var errors = new FieldErrors();
        item.Change("title", item.Title, patch.Title.Or(item.Title)?.Trim() ?? "", v => item.Title = v, me, now);
        item.Change("description", item.Description, patch.Description.Or(item.Description) ?? "", v => item.Description = v, me, now);
        item.Change("reason", change.Reason, patch.Reason.Or(change.Reason)?.Trim() ?? "", v => change.Reason = v, me, now);
        item.Change("implementationPlan", change.ImplementationPlan, patch.ImplementationPlan.Or(change.ImplementationPlan) ?? "", v => change.ImplementationPlan = v, me, now);
        item.Change("backoutPlan", change.BackoutPlan, patch.BackoutPlan.Or(change.BackoutPlan) ?? "", v => change.BackoutPlan = v, me, now);
        item.Change("testPlan", change.TestPlan, patch.TestPlan.Or(change.TestPlan) ?? "", v => change.TestPlan = v, me, now);
        item.Change("plannedStart", change.PlannedStart, patch.PlannedStart.Or(change.PlannedStart)?.ToUniversalTime(), v => change.PlannedStart = v, me, now);
        item.Change("plannedEnd", change.PlannedEnd, patch.PlannedEnd.Or(change.PlannedEnd)?.ToUniversalTime(), v => change.PlannedEnd = v, me, now);
        item.Change("reviewOutcome", change.ReviewOutcome, patch.ReviewOutcome.Or(change.ReviewOutcome), v => change.ReviewOutcome = v, me, now);
        item.Change("reviewNote", change.ReviewNote, patch.ReviewNote.Or(change.ReviewNote)?.Trim() is { Length: > 0 } note ? note : null, v => change.ReviewNote = v, me, now);
        if (patch.RiskAnswers.IsSet)
        {
            ChangeRisk.Validate(patch.RiskAnswers.Value, errors);
            var answers = patch.RiskAnswers.Value is { Count: > 0 } a ? JsonSerializer.Serialize(a, ChangeAssessor.Json) : null;
            item.Change("riskAnswers", change.RiskAnswers, answers, v => change.RiskAnswers = v, me, now, internalLine: true);
        }
        var teamChanged = false;
        if (patch.Team.IsSet || patch.Assignee.IsSet)
        {
            var team = item.TeamId;
            await work.AssignAsync(item, patch.Team.Or(item.TeamId), patch.Assignee.Or(item.AssigneeId), errors, now, ct);
            teamChanged = team != item.TeamId;
        }
        item.Validate(errors);
        Validate(change, errors);
        await assessor.CheckTargetsAsync(patch.ConfigurationItemIds.Value, patch.ServiceIds.Value, errors, ct);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.ToError();
        }
        if (patch.ConfigurationItemIds.IsSet || patch.ServiceIds.IsSet || patch.RiskAnswers.IsSet || teamChanged)
        {
            await ReassessAsync(item, change, patch, now, ct);
        }
        if (db.ChangeTracker.HasChanges())
        {
            // The item's version guards its change record too: an edit of the record alone still moves it.
            item.UpdatedAt = now;
            db.Entry(item).Property(w => w.UpdatedAt).IsModified = true;
        }
        db.Entry(item).Property(w => w.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<ChangeView>)await Views.OneAsync(item, ct);
    }

    private async Task ReassessAsync(WorkItem item, ChangeRecord change, ChangePatch patch, DateTime now, CancellationToken ct)
    {
        var stored = await db.Set<ChangeTarget>().AsNoTracking().Where(t => t.ChangeId == item.Id && !t.FromImpact).ToListAsync(ct);
        var cis = patch.ConfigurationItemIds.IsSet ? patch.ConfigurationItemIds.Value ?? [] : stored.Where(t => t.ConfigurationItemId is not null).Select(t => t.ConfigurationItemId!.Value).ToList();
        var services = patch.ServiceIds.IsSet ? patch.ServiceIds.Value ?? [] : stored.Where(t => t.ServiceId is not null).Select(t => t.ServiceId!.Value).ToList();
        var before = string.Join(",", stored.Select(t => t.ConfigurationItemId ?? t.ServiceId).Order());
        var targets = await assessor.SetTargetsAsync(change, item.ServiceId, cis, services, ct);
        var after = string.Join(",", targets.Where(t => !t.FromImpact).Select(t => t.ConfigurationItemId ?? t.ServiceId).Order());
        if (before != after)
        {
            item.Change("targets", $"{stored.Count} target(s)", $"{targets.Count(t => !t.FromImpact)} target(s)", _ => { }, user.UserId, now);
            item.ConfigurationItemId = cis.Count > 0 ? cis[0] : null;
        }
        await assessor.AssessAsync(item, change, targets, user.UserId, now, ct);
    }

    private static string Pick(string? given, string? fromTemplate) => string.IsNullOrWhiteSpace(given) ? fromTemplate ?? "" : given;

    private static void Validate(ChangeRecord change, FieldErrors errors)
    {
        errors.Required("reason", change.Reason, ChangeRecord.PlanMaxLength);
        errors.Required("implementationPlan", change.ImplementationPlan, ChangeRecord.PlanMaxLength);
        errors.Required("backoutPlan", change.BackoutPlan, ChangeRecord.PlanMaxLength);
        errors.Required("testPlan", change.TestPlan, ChangeRecord.PlanMaxLength);
        errors.Optional("reviewNote", change.ReviewNote, WorkItem.NoteMaxLength);
        ChangeFlow.ValidateSchedule(change.PlannedStart, change.PlannedEnd, errors);
    }
}
