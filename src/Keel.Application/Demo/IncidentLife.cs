using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// An incident from call to close, as the desk works it: routed to the Service Desk, taken by an analyst (minutes to
/// hours by priority, P3/P4 within working hours), often escalated to the service's team, sometimes on hold for the
/// caller or a vendor, resolved with a code and a note, closed three days later by the automatic close, a few reopened
/// by their caller first. Major incidents take their children with them when they are fixed.
/// </summary>
internal sealed class IncidentLife(HistoryWorld world, HistoryActions act, DemoRandom random)
{
    private static readonly ResolutionCode[] OtherCodes =
        [ResolutionCode.SolvedRemotely, ResolutionCode.SolvedWorkaround, ResolutionCode.NotReproducible, ResolutionCode.ResolvedByCaller, ResolutionCode.Duplicate];

    /// <summary>IncidentService.CreateAsync: the Created line, then routing to the desk (no assignment rules in the demo).</summary>
    public WorkItem Raise(WorkPlan plan, string number, Guid id)
    {
        var service = plan.Service;
        var phrases = WorkPhrases.IncidentsFor(world.TeamNameOf(service));
        var phrase = plan.IsMajor || plan.Parent is not null ? phrases[0] with
        {
            Title = $"{service.Name} unavailable for many users", Category = "Outage",
            Description = $"{service.Name} does not respond for users in several locations.",
        } : phrases[random.Next(phrases.Count)];
        plan.Phrase = phrase;
        var site = WorkPhrases.Sites[random.Next(WorkPhrases.Sites.Count)];
        var n = phrase.Title.Contains("floor", StringComparison.Ordinal) ? 1 + random.Next(6) : 4_500_000 + random.Next(99_999);
        var cis = world.Cis.GetValueOrDefault(service.Id);
        var item = new WorkItem
        {
            Id = id,
            Kind = WorkKind.Incident,
            Number = number,
            Title = WorkPhrases.Fill(phrase.Title, service.Name, site, n),
            Description = WorkPhrases.Fill(phrase.Description, service.Name, site, n),
            ServiceId = service.Id,
            ConfigurationItemId = cis is { Count: > 0 } && random.Chance(0.7) ? cis[random.Next(cis.Count)].Id : null,
            Category = phrase.Category,
            RequesterId = plan.Requester.Id,
            Impact = plan.Impact,
            Urgency = plan.Urgency,
            Priority = world.Settings.Matrix.PriorityOf(plan.Impact, plan.Urgency),
            ParentId = plan.Parent?.Item?.Id,
        };
        // A third of the calls come by phone or chat: an analyst raises them for the caller.
        var byPhone = plan.IsMajor || random.Chance(0.35);
        item.Open(byPhone ? Pick(world.Desk.Id) : plan.Requester.Id, plan.CreatedAt);
        item.Assign(world.Desk.Id, null, null, plan.CreatedAt);
        plan.Item = item;
        return item;
    }

    public void Live(WorkPlan plan)
    {
        if (plan.Parent is not null)
        {
            return; // lived by its parent
        }
        if (plan.IsMajor)
        {
            LiveMajor(plan);
            return;
        }
        var item = plan.Item!;
        var line = new Timeline(item.CreatedAt, world.Now);
        var requester = item.RequesterId;
        var urgent = item.Priority <= 2;
        var byPhone = item.Events[0].ActorId is { } raisedBy && raisedBy != requester;
        var analyst = byPhone ? item.Events[0].ActorId!.Value : Pick(world.Desk.Id);

        if (random.Chance(0.025))
        {
            if (line.Reach(item.CreatedAt + random.Between(TimeSpan.FromMinutes(5), TimeSpan.FromHours(6))))
            {
                act.Move(item, new TransitionRequest(WorkState.Cancelled, Reason: Pick(WorkPhrases.CancelReasons)), requester, Mover.Requester, line.At);
                act.Saved(item);
            }
            return;
        }

        // On the phone the analyst takes the call at once; from the portal it waits in the queue.
        var answered = item.CreatedAt + (byPhone ? TimeSpan.FromMinutes(1 + random.Next(4)) : Response(item.Priority));
        if (!line.Reach(urgent || byPhone ? answered : world.WorkingTime(analyst, answered, random)))
        {
            return;
        }
        var lead = world.Desk.LeadId ?? analyst;
        act.Assign(item, world.Desk.Id, analyst, random.Chance(0.75) ? analyst : lead, line.At);
        act.Move(item, new TransitionRequest(WorkState.InProgress), analyst, Mover.Agent, line.At);
        act.Saved(item);
        if (random.Chance(0.65) && line.Reach(line.At.AddMinutes(1 + random.Next(3))))
        {
            act.Comment(item, analyst, Pick(WorkPhrases.FirstReplies), isInternal: false, byWorker: true, line.At);
        }
        if (random.Chance(0.35) && line.Reach(line.At.AddMinutes(5 + random.Next(40))))
        {
            act.Comment(item, analyst, Pick(WorkPhrases.InternalNotes), isInternal: true, byWorker: true, line.At);
        }

        var assignee = analyst;
        var team = world.TeamOf(plan.Service);
        if (team != world.Desk.Id && random.Chance(urgent ? 0.8 : 0.5) && !Escalate(item, line, analyst, team, urgent, out assignee))
        {
            return;
        }
        if (!urgent && random.Chance(0.12) && !Hold(item, line, assignee))
        {
            return;
        }
        if (item.State == WorkState.Resolved)
        {
            Close(item, line);
            return;
        }
        if (random.Chance(0.12) && line.Reach(line.At + random.Between(TimeSpan.FromHours(2), TimeSpan.FromDays(2))))
        {
            act.Comment(item, requester, Pick(WorkPhrases.CallerChasers), isInternal: false, byWorker: false, line.At);
        }
        if (!Resolve(item, line, assignee, plan.Phrase!, Resolution(item.Priority)))
        {
            return;
        }
        if (random.Chance(0.05))
        {
            var reopenAt = world.WorkingTime(requester, line.At + random.Between(TimeSpan.FromHours(2), TimeSpan.FromDays(2.5)), random);
            // Only before the automatic close: after it, the caller raises a new incident instead.
            if (reopenAt < item.ResolvedAt!.Value + world.Settings.AutoCloseAfter)
            {
                if (!line.Reach(reopenAt))
                {
                    return;
                }
                act.Comment(item, requester, Pick(WorkPhrases.ReopenReplies), isInternal: false, byWorker: false, line.At);
                act.Move(item, new TransitionRequest(WorkState.InProgress), requester, Mover.Requester, line.At);
                act.Saved(item);
                if (!Resolve(item, line, assignee, plan.Phrase!, Resolution(item.Priority) / 2))
                {
                    return;
                }
            }
        }
        Close(item, line);
    }

    /// <summary>The analyst hands over to the service's team (now and then by way of a wrong team); a member takes it.</summary>
    private bool Escalate(WorkItem item, Timeline line, Guid analyst, Guid team, bool urgent, out Guid assignee)
    {
        assignee = analyst;
        var at = line.At + random.Between(TimeSpan.FromMinutes(10), urgent ? TimeSpan.FromHours(1) : TimeSpan.FromHours(4));
        if (!line.Reach(urgent ? at : world.WorkingTime(analyst, at, random)))
        {
            return false;
        }
        act.Comment(item, analyst, WorkPhrases.Fill(Pick(WorkPhrases.EscalationNotes), "", "", 0, world.Teams[team].Name), isInternal: true, byWorker: true, line.At);
        act.Log(item, analyst, 10 + random.Next(25), Pick(WorkPhrases.WorkNotes), line.At);
        if (random.Chance(0.04))
        {
            var wrong = world.Teams.Keys.Where(t => t != team && t != world.Desk.Id).OrderBy(t => t).ToList();
            act.Assign(item, wrong[random.Next(wrong.Count)], null, analyst, line.At);
            var bounced = line.At + random.Between(TimeSpan.FromMinutes(30), TimeSpan.FromDays(1));
            var bouncer = Pick(item.TeamId!.Value);
            if (!line.Reach(world.WorkingTime(bouncer, bounced, random)))
            {
                return false;
            }
            act.Comment(item, bouncer, $"Not ours: passing to {world.Teams[team].Name}.", isInternal: true, byWorker: true, line.At);
            act.Assign(item, team, null, bouncer, line.At);
        }
        else
        {
            act.Assign(item, team, null, analyst, line.At);
        }
        var engineer = Pick(team);
        var taken = line.At + random.Between(TimeSpan.FromMinutes(5), urgent ? TimeSpan.FromMinutes(45) : TimeSpan.FromDays(1));
        if (!line.Reach(urgent ? taken : world.WorkingTime(engineer, taken, random)))
        {
            return false;
        }
        act.Assign(item, team, engineer, engineer, line.At);
        assignee = engineer;
        return true;
    }

    /// <summary>Waiting for the caller (who answers, and the reply ends the wait) or for a vendor (the assignee resumes).</summary>
    private bool Hold(WorkItem item, Timeline line, Guid assignee)
    {
        if (!line.Reach(world.WorkingTime(assignee, line.At + random.Between(TimeSpan.FromMinutes(20), TimeSpan.FromDays(1)), random)))
        {
            return false;
        }
        if (random.Chance(0.65))
        {
            act.Comment(item, assignee, Pick(WorkPhrases.AskCaller), isInternal: false, byWorker: true, line.At);
            act.Move(item, new TransitionRequest(WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller), assignee, Mover.Agent, line.At);
            act.Saved(item);
            if (random.Chance(0.1))
            {
                // No answer: the analyst resolves after a few days; the caller can still reopen.
                if (!line.Reach(world.WorkingTime(assignee, line.At + random.Between(TimeSpan.FromDays(3), TimeSpan.FromDays(5)), random)))
                {
                    return false;
                }
                act.Move(item, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.NotReproducible,
                    ResolutionNote: "No reply from the caller; resolving. Reply to reopen if the problem remains."), assignee, Mover.Agent, line.At);
                act.Saved(item);
                return true;
            }
            var replied = world.WorkingTime(item.RequesterId, line.At + random.Between(TimeSpan.FromMinutes(30), TimeSpan.FromDays(2)), random);
            if (!line.Reach(replied))
            {
                return false;
            }
            act.Comment(item, item.RequesterId, Pick(WorkPhrases.CallerReplies), isInternal: false, byWorker: false, line.At);
            return true;
        }
        act.Comment(item, assignee, Pick(WorkPhrases.VendorNotes), isInternal: true, byWorker: true, line.At);
        act.Move(item, new TransitionRequest(WorkState.OnHold, HoldReason: HoldReason.AwaitingVendor), assignee, Mover.Agent, line.At);
        act.Saved(item);
        if (!line.Reach(world.WorkingTime(assignee, line.At + random.Between(TimeSpan.FromDays(1), TimeSpan.FromDays(6)), random)))
        {
            return false;
        }
        act.Move(item, new TransitionRequest(WorkState.InProgress), assignee, Mover.Agent, line.At);
        act.Saved(item);
        act.Comment(item, assignee, "Vendor answered; continuing.", isInternal: true, byWorker: true, line.At);
        return true;
    }

    private bool Resolve(WorkItem item, Timeline line, Guid assignee, IncidentPhrase phrase, TimeSpan takes)
    {
        var at = line.At + takes;
        if (!line.Reach(item.Priority <= 2 ? at : world.WorkingTime(assignee, at, random)))
        {
            return false;
        }
        if (random.Chance(0.5))
        {
            act.Comment(item, assignee, Pick(WorkPhrases.ResolvedReplies), isInternal: false, byWorker: true, line.At);
        }
        act.Log(item, assignee, Effort(item.Priority), Pick(WorkPhrases.WorkNotes), line.At);
        var usual = random.Chance(0.8);
        var code = usual ? phrase.Code : OtherCodes[random.Next(OtherCodes.Length)];
        var note = usual ? phrase.Resolution : code switch
        {
            ResolutionCode.NotReproducible => "Could not reproduce the problem together with the caller.",
            ResolutionCode.ResolvedByCaller => "The caller solved it after our hints.",
            ResolutionCode.Duplicate => "Same cause as an incident already being worked on; fixed there.",
            ResolutionCode.SolvedWorkaround => "Workaround in place; permanent fix to follow.",
            _ => "Fixed remotely.",
        };
        act.Move(item, new TransitionRequest(WorkState.Resolved, ResolutionCode: code, ResolutionNote: note), assignee, Mover.Agent, line.At);
        act.Saved(item);
        return true;
    }

    private void Close(WorkItem item, Timeline line)
    {
        if (item.State == WorkState.Resolved && line.Reach(act.AutoCloseTime(item, random)))
        {
            act.AutoClose(item, line.At);
        }
    }

    /// <summary>
    /// A major outage: declared major by the desk lead, handed to the service's team, updates to everyone, fixed at
    /// its planned time; the children the calls raised meanwhile are resolved with it (WorkEffects).
    /// </summary>
    private void LiveMajor(WorkPlan plan)
    {
        var item = plan.Item!;
        var fixedAt = plan.FixedAt!.Value;
        foreach (var child in plan.Children)
        {
            LiveChild(child, item, fixedAt);
        }
        var line = new Timeline(item.CreatedAt, world.Now);
        var analyst = item.Events[0].ActorId!.Value;
        var lead = world.Desk.LeadId ?? analyst;
        if (!line.Reach(item.CreatedAt.AddMinutes(2)))
        {
            return;
        }
        act.Assign(item, world.Desk.Id, analyst, analyst, line.At);
        act.Move(item, new TransitionRequest(WorkState.InProgress), analyst, Mover.Agent, line.At);
        act.Saved(item);
        if (!line.Reach(item.CreatedAt.AddMinutes(6)))
        {
            return;
        }
        item.Change("isMajor", item.IsMajor, true, v => item.IsMajor = v, lead, line.At);
        act.Saved(item);
        act.Comment(item, lead, "Major incident declared; bridge call opened, communications every 30 minutes.", isInternal: true, byWorker: true, line.At);
        var team = world.TeamOf(plan.Service);
        var engineer = Pick(team);
        if (!line.Reach(item.CreatedAt.AddMinutes(12)))
        {
            return;
        }
        act.Assign(item, team, engineer, lead, line.At);
        for (var update = item.CreatedAt.AddMinutes(40); update < fixedAt.AddMinutes(-20); update = update.AddMinutes(45))
        {
            if (!line.Reach(update))
            {
                return;
            }
            act.Comment(item, lead, $"Update: {plan.Service.Name} is still unavailable; the team is working on it. Next update in 45 minutes.",
                isInternal: false, byWorker: true, line.At);
        }
        if (!line.Reach(fixedAt))
        {
            return;
        }
        act.Log(item, engineer, 120 + random.Next(120), "Outage analysis and fix.", line.At);
        var fix = new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently,
            ResolutionNote: "A failed storage path made the database read-only; failed over and replaced the path.");
        act.Move(item, fix, engineer, Mover.Agent, line.At);
        act.Saved(item);
        foreach (var child in plan.Children.Select(c => c.Item!).Where(c => c.IsOpen))
        {
            act.Move(child, fix with { ResolutionNote = $"Resolved with its parent {item.Number}: {fix.ResolutionNote}" }, engineer, Mover.System, line.At);
            act.Saved(child);
        }
        foreach (var closing in plan.Children.Select(c => c.Item!).Prepend(item).Where(i => i.State == WorkState.Resolved).ToList())
        {
            var close = new Timeline(fixedAt, world.Now);
            if (close.Reach(act.AutoCloseTime(closing, random)))
            {
                act.AutoClose(closing, close.At);
            }
        }
    }

    /// <summary>A call about a known outage: an analyst links it to the major incident and tells the caller.</summary>
    private void LiveChild(WorkPlan plan, WorkItem parent, DateTime fixedAt)
    {
        var item = plan.Item!;
        var line = new Timeline(item.CreatedAt, fixedAt < world.Now ? fixedAt : world.Now);
        if (!random.Chance(0.7) || !line.Reach(item.CreatedAt.AddMinutes(2 + random.Next(15))))
        {
            return;
        }
        var analyst = Pick(world.Desk.Id);
        act.Assign(item, world.Desk.Id, analyst, analyst, line.At);
        act.Comment(item, analyst, $"Same outage as {parent.Number}; linked as its child.", isInternal: true, byWorker: true, line.At);
        act.Comment(item, analyst, $"We know about the outage of {plan.Service.Name} and are working on it; this ticket is resolved with the main incident.",
            isInternal: false, byWorker: true, line.At);
    }

    private Guid Pick(Guid teamId)
    {
        var workers = world.Workers[teamId];
        return workers[random.Next(workers.Count)].Id;
    }

    private string Pick(IReadOnlyList<string> phrases) => phrases[random.Next(phrases.Count)];

    private TimeSpan Response(int priority) => priority switch
    {
        1 => random.Between(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(15)),
        2 => random.Between(TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)),
        3 => random.Between(TimeSpan.FromMinutes(20), TimeSpan.FromHours(4)),
        _ => random.Between(TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)),
    };

    private TimeSpan Resolution(int priority) => priority switch
    {
        // Most P1s are fixed within their four hours; counting the time to escalate, about a third are not.
        1 => random.Between(TimeSpan.FromMinutes(45), TimeSpan.FromHours(4.5)),
        2 => random.Between(TimeSpan.FromHours(2), TimeSpan.FromHours(16)),
        3 => random.Between(TimeSpan.FromHours(3), TimeSpan.FromDays(5)),
        _ => random.Between(TimeSpan.FromHours(4), TimeSpan.FromDays(10)),
    };

    private int Effort(int priority) => priority switch
    {
        1 => 60 + random.Next(180),
        2 => 30 + random.Next(120),
        3 => 15 + random.Next(75),
        _ => 10 + random.Next(50),
    };
}
