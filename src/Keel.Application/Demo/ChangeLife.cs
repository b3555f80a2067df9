using System.Text.Json;
using Keel.Application.Changes;
using Keel.Domain.Changes;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>An incident of the history as a change's failure may have caused it.</summary>
internal sealed record IncidentRef(Guid Id, Guid ServiceId, Guid? CiId, DateTime CreatedAt);

/// <summary>What the change step writes, in the order it is stored.</summary>
internal sealed class ChangeHistory
{
    public List<WorkItem> Items { get; } = [];
    public List<ChangeRecord> Records { get; } = [];
    public List<ChangeTarget> Targets { get; } = [];
    public List<Approval> Approvals { get; } = [];
    public List<WorkLink> Links { get; } = [];
}

/// <summary>
/// A change from draft to review, as ChangeService, ChangeAssessor, ChangeTransitions and ChangeApprovals move it: risk
/// assessed when raised (the domain's own rule, with the failure history of the changes closed before), a standard
/// change scheduled at once, the others assessed and authorized by the authority their risk calls for (never by their
/// requester or assignee), then implemented at the planned time and reviewed. Failure is likelier for high risk,
/// emergencies and the struggling teams; a failed change is linked to the incidents that followed it.
/// </summary>
internal sealed class ChangeLife(HistoryWorld world, DemoRandom random, DemoRandom ids, ChangeHistory history, ChangeAuthorities authorities,
    IReadOnlyDictionary<Guid, int> criticalityOf, IReadOnlyDictionary<Guid, IncidentRef[]> incidentsByService, IReadOnlySet<Guid> strugglingTeams)
{
    private readonly Dictionary<Guid, List<(Guid Change, DateTime ClosedAt, bool Failed)>> byTeam = [];
    private readonly Dictionary<Guid, List<(Guid Change, DateTime ClosedAt, bool Failed)>> byCi = [];
    private readonly HashSet<Guid> blamed = [];
    private readonly Dictionary<(RiskLevel, bool, bool), double> owedFailures = [];
    private readonly Dictionary<(RiskLevel, bool, bool), double> owedIssues = [];

    public void Live(ChangePlan plan, string number)
    {
        var requester = plan.Requester.Id;
        var assignee = plan.Assignee.Id;
        var created = plan.CreatedAt;
        var item = new WorkItem
        {
            Id = plan.Id, Kind = WorkKind.Change, Number = number, Title = plan.Title, Description = plan.Template?.Description ?? plan.Reason,
            ServiceId = plan.Service.Id, ConfigurationItemId = plan.Cis.Count > 0 ? plan.Cis[0].Id : null, RequesterId = requester,
            Impact = plan.Type == ChangeType.Emergency ? 2 : 3, Urgency = plan.Type == ChangeType.Emergency ? 1 : 3,
            InvestmentCategory = Domain.Balance.InvestmentCategory.Run, ValueChainActivity = Domain.Balance.ValueChainActivity.DesignAndTransition,
        };
        item.Priority = world.Settings.Matrix.PriorityOf(item.Impact, item.Urgency);
        var change = new ChangeRecord
        {
            WorkItemId = item.Id, Type = plan.Type, TemplateId = plan.Template?.Id, Reason = plan.Reason,
            ImplementationPlan = plan.ImplementationPlan, BackoutPlan = plan.BackoutPlan, TestPlan = plan.TestPlan,
            PlannedStart = plan.PlannedStart, PlannedEnd = plan.PlannedStart + plan.Duration,
            RiskAnswers = JsonSerializer.Serialize(plan.Answers, ChangeAssessor.Json),
        };
        item.Open(requester, created);
        item.Assign(world.TeamOf(plan.Service), assignee, requester, created);
        foreach (var target in plan.Targets)
        {
            target.ChangeId = item.Id;
        }
        Assess(item, change, plan, created);
        item.Version++;
        history.Items.Add(item);
        history.Records.Add(change);
        history.Targets.AddRange(plan.Targets);

        var line = new Timeline(created, world.Now);
        if (plan.Hold == WorkState.Draft)
        {
            return;
        }
        if (!plan.Quick && random.Chance(0.01) && line.Reach(created + random.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2))))
        {
            Move(item, change, WorkState.Cancelled, requester, Mover.Agent, line.At, ChangeCatalog.CancelReasons[random.Next(ChangeCatalog.CancelReasons.Count)]);
            return;
        }
        if (plan.Type == ChangeType.Standard)
        {
            if (!line.Reach(created + random.Between(TimeSpan.FromMinutes(5), TimeSpan.FromHours(3))))
            {
                return;
            }
            Move(item, change, WorkState.Scheduled, requester, Mover.Agent, line.At);
        }
        else if (!Authorize(plan, item, change, line))
        {
            return;
        }

        if (!plan.Quick && random.Chance(0.02) && line.Reach(line.At + (change.PlannedStart!.Value - line.At) / 2))
        {
            Move(item, change, WorkState.Cancelled, assignee, Mover.Agent, line.At, ChangeCatalog.CancelReasons[random.Next(ChangeCatalog.CancelReasons.Count)]);
            return;
        }
        Implement(plan, item, change, line);
    }

    /// <summary>ChangeAssessor.AssessAsync over the changes reviewed before this one was raised.</summary>
    private void Assess(WorkItem item, ChangeRecord change, ChangePlan plan, DateTime now)
    {
        var cis = plan.CiIds.Distinct().ToList();
        var criticality = plan.ServiceIds.Select(id => criticalityOf.TryGetValue(id, out var c) ? c : (int?)null).Min();
        // A change counts once however many of these CIs it touched, as ChangeAssessor counts it.
        var onCis = cis.Count == 0 ? FailureHistory.None : HistoryOf(cis.SelectMany(ci => byCi.GetValueOrDefault(ci) ?? []).Distinct(), now);
        var byTeamHistory = item.TeamId is { } team ? HistoryOf(byTeam.GetValueOrDefault(team) ?? [], now) : FailureHistory.None;
        var result = ChangeRisk.Assess(new RiskInputs(plan.Answers, cis.Count, criticality, onCis, byTeamHistory));
        item.Change("risk", change.Risk, result.Level, v => change.Risk = v, item.RequesterId, now, internalLine: true);
        change.RiskScore = result.Score;
        change.RiskExplanation = JsonSerializer.Serialize(result.Lines, ChangeAssessor.Json);
    }

    private static FailureHistory HistoryOf(IEnumerable<(Guid Change, DateTime ClosedAt, bool Failed)> closed, DateTime now)
    {
        var since = now - ChangeRisk.HistoryWindow;
        var inWindow = closed.Where(c => c.ClosedAt >= since && c.ClosedAt < now).ToList();
        return new FailureHistory(inWindow.Count, inWindow.Count(c => c.Failed));
    }

    /// <summary>Assess, Authorize, the decisions in the order they come; false when the change goes no further (held, rejected, or now).</summary>
    private bool Authorize(ChangePlan plan, WorkItem item, ChangeRecord change, Timeline line)
    {
        var emergency = plan.Type == ChangeType.Emergency;
        TimeSpan Pause(double maxHours) => plan.Quick || emergency
            ? random.Between(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(40))
            : random.Between(TimeSpan.FromHours(1), TimeSpan.FromHours(maxHours));
        if (!line.Reach(emergency ? line.At + Pause(1) : world.WorkingTime(item.RequesterId, line.At + Pause(30), random)))
        {
            return false;
        }
        Move(item, change, WorkState.Assess, item.RequesterId, Mover.Agent, line.At);
        if (plan.FreezeOverride is { } justification)
        {
            item.Change("freezeOverride", change.FreezeOverride, justification, v => change.FreezeOverride = v, item.AssigneeId, line.At);
        }
        if (plan.Hold == WorkState.Assess || !line.Reach(emergency ? line.At + Pause(1) : world.WorkingTime(item.AssigneeId!.Value, line.At + Pause(48), random)))
        {
            return false;
        }
        Move(item, change, WorkState.Authorize, item.AssigneeId, Mover.Agent, line.At);
        var asked = line.At;
        var authority = ChangeAuthorization.AuthorityFor(change.Type, change.Risk!.Value);
        var approvers = authorities.For(authority).Where(a => a != item.RequesterId && a != item.AssigneeId).ToList();
        change.Authority = authority;
        change.Quorum = ChangeAuthorization.QuorumFor(authority, approvers.Count, null, ChangeAuthorization.DefaultEmergencyQuorum)
                        ?? throw new InvalidOperationException($"Demo changes: the {authority} cannot decide {item.Number}.");
        var round = approvers.Select(a => new Approval { Id = ids.NextGuid(), WorkItemId = item.Id, ApproverId = a, RequestedAt = asked }).ToList();
        history.Approvals.AddRange(round);
        if (plan.Hold == WorkState.Authorize)
        {
            return false;
        }
        var decisions = round.Select(a => (Approval: a, At: emergency
                ? asked + random.Between(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2))
                : world.WorkingTime(a.ApproverId, asked + Pause(40), random)))
            .OrderBy(d => d.At).ToList();
        foreach (var (approval, at) in decisions)
        {
            if (!line.Reach(at))
            {
                return false;
            }
            approval.DecidedAt = at;
            approval.Version++;
            var reject = !plan.Quick && random.Chance(emergency ? 0.01 : 0.03);
            approval.State = reject ? ApprovalState.Rejected : ApprovalState.Approved;
            approval.Reason = reject ? ChangeCatalog.RejectionReasons[random.Next(ChangeCatalog.RejectionReasons.Count)] : null;
            var outcome = ChangeAuthorization.Decide(authority, change.Quorum.Value, round.Count(a => a.State == ApprovalState.Approved),
                round.Count(a => a.State == ApprovalState.Rejected), round.Count(a => a.State == ApprovalState.Pending));
            if (outcome == AuthorizationOutcome.Pending)
            {
                continue;
            }
            // ChangeApprovals.SettleAsync: the deciding vote moves the change; the votes still pending are withdrawn.
            foreach (var pending in round.Where(a => a.State == ApprovalState.Pending))
            {
                pending.State = ApprovalState.Withdrawn;
                pending.DecidedAt = at;
                pending.Version++;
            }
            var who = ChangeTransitions.Describe(authority);
            if (outcome == AuthorizationOutcome.Authorized)
            {
                Move(item, change, WorkState.Scheduled, approval.ApproverId, Mover.System, at, $"Authorized by the {who}.");
                return true;
            }
            Move(item, change, WorkState.Draft, approval.ApproverId, Mover.System, at, $"Rejected by the {who}: {approval.Reason}");
            change.Authority = null;
            change.Quorum = null;
            if (line.Reach(world.WorkingTime(item.RequesterId, at + Pause(48), random)))
            {
                Move(item, change, WorkState.Cancelled, item.RequesterId, Mover.Agent, line.At, "Not pursued after the rejection.");
            }
            return false;
        }
        return false;
    }

    /// <summary>Implement at the planned time, review at its end, close with the outcome a day or two later.</summary>
    private void Implement(ChangePlan plan, WorkItem item, ChangeRecord change, Timeline line)
    {
        var assignee = item.AssigneeId!.Value;
        var start = change.PlannedStart!.Value > line.At ? change.PlannedStart.Value : line.At.AddMinutes(10);
        if (!line.Reach(start + TimeSpan.FromMinutes(random.Next(10))))
        {
            return;
        }
        Move(item, change, WorkState.Implement, assignee, Mover.Agent, line.At);
        var outcome = Outcome(plan, change, item.TeamId);
        var stretch = outcome.IsFailure() ? 1.2 + (random.NextDouble() * 0.6) : outcome == ReviewOutcome.SuccessfulWithIssues ? 1.0 + (random.NextDouble() * 0.4) : 0.6 + (random.NextDouble() * 0.45);
        if (!line.Reach(line.At + (plan.Duration * stretch)))
        {
            return;
        }
        Move(item, change, WorkState.Review, assignee, Mover.Agent, line.At);
        var ended = line.At;
        var caused = outcome.IsFailure() || (outcome == ReviewOutcome.SuccessfulWithIssues && random.Chance(0.3)) ? Caused(plan, ended) : [];
        if (outcome.IsFailure() && caused.Count == 0)
        {
            // Nothing broke that users noticed: the team calls it done with issues.
            outcome = ReviewOutcome.SuccessfulWithIssues;
        }
        foreach (var incident in caused)
        {
            var linked = incident.CreatedAt + random.Between(TimeSpan.FromMinutes(20), TimeSpan.FromHours(4));
            history.Links.Add(new WorkLink
            {
                Id = ids.NextGuid(), FromId = incident.Id, ToId = item.Id, Type = WorkLinkType.CausedBy, CreatedById = assignee,
                CreatedAt = linked < world.Now ? linked : world.Now,
            });
        }
        var review = world.WorkingTime(assignee, ended + random.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2)), random);
        if (caused.Count > 0 && review < caused.Max(c => c.CreatedAt).AddHours(2))
        {
            review = world.WorkingTime(assignee, caused.Max(c => c.CreatedAt).AddHours(2), random);
        }
        if (!line.Reach(review))
        {
            return;
        }
        var note = outcome.IsFailure() ? ChangeCatalog.FailureNotes[random.Next(ChangeCatalog.FailureNotes.Count)]
            : outcome == ReviewOutcome.SuccessfulWithIssues ? ChangeCatalog.IssueNotes[random.Next(ChangeCatalog.IssueNotes.Count)]
            : null;
        item.Change("reviewOutcome", change.ReviewOutcome, outcome, v => change.ReviewOutcome = v, assignee, line.At);
        item.Change("reviewNote", change.ReviewNote, note, v => change.ReviewNote = v, assignee, line.At);
        Move(item, change, WorkState.Closed, assignee, Mover.Agent, line.At);
        foreach (var list in new[] { item.TeamId }.OfType<Guid>().Select(t => Book(byTeam, t)).Concat(plan.CiIds.Distinct().Select(ci => Book(byCi, ci))))
        {
            list.Add((item.Id, line.At, outcome.IsFailure()));
        }
    }

    /// <summary>
    /// Failed or backed out about 1 in 15 overall: 2 % at low risk, 5 % at medium, 12 % at high, half as likely again for
    /// an emergency, twice as likely for a struggling team. The risk already counts the team's and the CIs' failures, so
    /// these stay modest or failures would feed on themselves.
    /// </summary>
    private ReviewOutcome Outcome(ChangePlan plan, ChangeRecord change, Guid? team)
    {
        var fail = change.Risk switch { RiskLevel.High => 0.12, RiskLevel.Medium => 0.05, _ => 0.02 };
        var issues = change.Risk switch { RiskLevel.High => 0.1, RiskLevel.Medium => 0.08, _ => 0.06 };
        if (plan.Type == ChangeType.Emergency)
        {
            fail *= 1.5;
        }
        if (team is { } t && strugglingTeams.Contains(t))
        {
            fail *= 2;
            issues *= 1.5;
        }
        // Spread evenly within each kind of change (systematic sampling) rather than drawn one by one, so a small seed
        // shows the same rates as the full demo: each kind owes its share and pays it when the debt reaches one.
        var key = (change.Risk ?? RiskLevel.High, plan.Type == ChangeType.Emergency, team is { } s && strugglingTeams.Contains(s));
        if (Owe(owedFailures, key, fail))
        {
            return random.Chance(0.55) ? ReviewOutcome.BackedOut : ReviewOutcome.Failed;
        }
        return Owe(owedIssues, key, issues) ? ReviewOutcome.SuccessfulWithIssues : ReviewOutcome.Successful;
    }

    private bool Owe(Dictionary<(RiskLevel, bool, bool), double> owed, (RiskLevel, bool, bool) key, double share)
    {
        var debt = (owed.TryGetValue(key, out var d) ? d : random.NextDouble()) + share;
        owed[key] = debt >= 1 ? debt - 1 : debt;
        return debt >= 1;
    }

    /// <summary>The first incidents on the change's service after it ended (its CIs first), within a week; 1–3 of them, each blamed on one change only.</summary>
    private List<IncidentRef> Caused(ChangePlan plan, DateTime ended)
    {
        if (!incidentsByService.TryGetValue(plan.Service.Id, out var incidents))
        {
            return [];
        }
        var from = LowerBound(incidents, ended);
        var window = incidents.Skip(from).TakeWhile(i => i.CreatedAt <= ended.AddDays(7) && i.CreatedAt <= world.Now).Where(i => !blamed.Contains(i.Id)).ToList();
        if (window.Count == 0)
        {
            return [];
        }
        var cis = plan.CiIds.ToHashSet();
        var first = window.FirstOrDefault(i => i.CiId is { } ci && cis.Contains(ci) && i.CreatedAt <= window[0].CreatedAt.AddHours(8)) ?? window[0];
        var caused = window.Where(i => i != first && i.CreatedAt <= first.CreatedAt.AddHours(8)).Take(random.Next(3)).Prepend(first).ToList();
        blamed.UnionWith(caused.Select(c => c.Id));
        return caused;
    }

    private static int LowerBound(IncidentRef[] incidents, DateTime at)
    {
        int low = 0, high = incidents.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (incidents[middle].CreatedAt <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static List<(Guid Change, DateTime ClosedAt, bool Failed)> Book(Dictionary<Guid, List<(Guid Change, DateTime ClosedAt, bool Failed)>> lists, Guid key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }
        return list;
    }

    private void Move(WorkItem item, ChangeRecord change, WorkState to, Guid? actorId, Mover mover, DateTime at, string? reason = null)
    {
        var from = item.State;
        // The check first: on its error the item is not moved at all.
        if ((ChangeFlow.Check(change, from, to, mover)
             ?? item.Transition(new TransitionRequest(to, Reason: reason), new TransitionContext(actorId, mover, at, TimeSpan.Zero))) is { } refused)
        {
            throw new InvalidOperationException($"Demo changes: {item.Number} {from} → {to}: {refused.Message}");
        }
        ChangeFlow.Apply(change, to, at);
        item.Version++;
    }
}

/// <summary>The people each change authority asks (ChangeTransitions: active holders of the role, by user name).</summary>
internal sealed class ChangeAuthorities(IReadOnlyList<Guid> changeManagers, IReadOnlyList<Guid> cabMembers, IReadOnlyList<Guid> emergencyCab)
{
    public IReadOnlyList<Guid> For(ChangeAuthority authority) => authority switch
    {
        ChangeAuthority.ChangeManager => changeManagers,
        ChangeAuthority.Cab => cabMembers,
        ChangeAuthority.EmergencyCab => emergencyCab,
    };
}
