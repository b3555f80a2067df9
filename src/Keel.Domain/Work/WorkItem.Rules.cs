using Keel.Domain.Balance;
using Keel.Domain.Platform;

namespace Keel.Domain.Work;

public sealed partial class WorkItem
{
    /// <summary>Checks what every kind needs before it is stored (create and update).</summary>
    public void Validate(FieldErrors errors)
    {
        errors.Required("title", Title, TitleMaxLength);
        errors.Optional("description", Description, DescriptionMaxLength);
        errors.Optional("category", Category, CategoryMaxLength);
        if (ServiceId == Guid.Empty)
        {
            errors.Add("serviceId", "is required.");
        }
        if (!PriorityMatrix.IsLevel(Impact))
        {
            errors.Add("impact", "must be 1 (high), 2 (medium) or 3 (low).");
        }
        if (!PriorityMatrix.IsLevel(Urgency))
        {
            errors.Add("urgency", "must be 1 (high), 2 (medium) or 3 (low).");
        }
    }

    /// <summary>Starts the item's life: its first state and the Created line of its history.</summary>
    public void Open(Guid? actorId, DateTime now)
    {
        State = Workflow.Initial;
        CreatedAt = UpdatedAt = now;
        Events.Add(new WorkEvent { WorkItemId = Id, At = now, ActorId = actorId, Type = WorkEventType.Created, To = State.ToString() });
    }

    /// <summary>Impact and urgency set the priority through the matrix; each change is a history line (clocks recompute on it).</summary>
    public void SetPriorityInputs(int impact, int urgency, PriorityMatrix matrix, Guid? actorId, DateTime now)
    {
        Change("impact", Impact, impact, v => Impact = v, actorId, now);
        Change("urgency", Urgency, urgency, v => Urgency = v, actorId, now);
        Change("priority", Priority, matrix.PriorityOf(impact, urgency), v => Priority = v, actorId, now);
    }

    /// <summary>Gives the item to a team and/or a person; moving it away from someone already holding it counts as a reassignment.</summary>
    public void Assign(Guid? teamId, Guid? assigneeId, Guid? actorId, DateTime now)
    {
        var reassigned = (TeamId is not null && teamId != TeamId) || (AssigneeId is not null && assigneeId != AssigneeId);
        var changed = Change("team", TeamId, teamId, v => TeamId = v, actorId, now, internalLine: true)
                      | Change("assignee", AssigneeId, assigneeId, v => AssigneeId = v, actorId, now, internalLine: true);
        if (changed && reassigned)
        {
            ReassignmentCount++;
        }
    }

    /// <summary>Sets a field and writes a history line when the value really changed.</summary>
    public bool Change<T>(string field, T current, T next, Action<T> set, Guid? actorId, DateTime now, bool internalLine = false)
    {
        if (EqualityComparer<T>.Default.Equals(current, next))
        {
            return false;
        }
        set(next);
        UpdatedAt = now;
        Events.Add(new WorkEvent
        {
            WorkItemId = Id, At = now, ActorId = actorId, Type = WorkEventType.FieldChanged, Field = field,
            From = current?.ToString(), To = next?.ToString(), Internal = internalLine,
        });
        return true;
    }

    /// <summary>
    /// Moves the item to another state when its workflow allows that mover to, with the fields the move needs.
    /// On any error nothing on the item changes.
    /// </summary>
    public Error? Transition(TransitionRequest request, TransitionContext context)
    {
        if (!Workflow.Uses(request.To))
        {
            return Error.Validation("to", $"must be one of {string.Join(", ", Workflow.States)}.");
        }
        if (Workflow.Check(State, request.To, context.Mover) is { } illegal)
        {
            return illegal;
        }
        if (CheckFields(request, context) is { } invalid)
        {
            return invalid;
        }
        Apply(request, context);
        return null;
    }

    private Error? CheckFields(TransitionRequest request, TransitionContext context)
    {
        var errors = new FieldErrors();
        if (request.To == WorkState.OnHold && request.HoldReason is null)
        {
            errors.Add("holdReason", $"is required to put the item on hold ({string.Join(", ", Enum.GetNames<HoldReason>())}).");
        }
        if (request.To == WorkState.Resolved && Kind == WorkKind.Incident)
        {
            if (request.ResolutionCode is null)
            {
                errors.Add("resolutionCode", $"is required to resolve ({string.Join(", ", Enum.GetNames<ResolutionCode>())}).");
            }
            errors.Required("resolutionNote", request.ResolutionNote, NoteMaxLength);
        }
        if (request.To == WorkState.Rejected)
        {
            errors.Required("reason", request.Reason, NoteMaxLength);
        }
        errors.Optional("reason", request.Reason, NoteMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (IsReopen(request.To) && context.Mover == Mover.Requester && ResolvedAt is { } resolved && context.Now - resolved > context.ReopenWindow)
        {
            return new Error(ErrorKind.Conflict, "reopen_window_passed",
                $"The incident was resolved more than {context.ReopenWindow.TotalDays:0.#} days ago; raise a new incident instead.");
        }
        return null;
    }

    private bool IsReopen(WorkState to) => State == WorkState.Resolved && to == WorkState.InProgress;

    private void Apply(TransitionRequest request, TransitionContext context)
    {
        var from = State;
        var now = context.Now;
        if (IsReopen(request.To))
        {
            ReopenCount++;
            ResolvedAt = null;
            ResolutionCode = null;
            ResolutionNote = null;
        }
        State = request.To;
        UpdatedAt = now;
        HoldReason = request.To == WorkState.OnHold ? request.HoldReason : null;
        if (request.To is WorkState.Resolved or WorkState.Fulfilled or WorkState.Done)
        {
            ResolvedAt = now;
            ResolutionCode = request.ResolutionCode ?? ResolutionCode;
            ResolutionNote = request.ResolutionNote ?? ResolutionNote;
        }
        if (request.To is WorkState.Closed or WorkState.Cancelled or WorkState.Rejected)
        {
            ClosedAt = now;
        }
        if (request.To == WorkState.InProgress && context.Mover == Mover.Agent)
        {
            FirstRespondedAt ??= now;
        }
        var detail = request.To switch
        {
            WorkState.OnHold => request.HoldReason?.ToString(),
            WorkState.Resolved => request.ResolutionCode?.ToString(),
            _ => request.Reason,
        };
        Events.Add(new WorkEvent
        {
            WorkItemId = Id, At = now, ActorId = context.ActorId, Type = WorkEventType.StateChanged, Field = "state",
            From = from.ToString(), To = request.To.ToString(), Detail = detail,
        });
        FollowActivity(context.ActorId, now);
    }

    /// <summary>
    /// Applies <see cref="WorkClassification"/> to the category and activity that were not chosen by hand, writing a
    /// history line for each that moves. Callers pass what the item's links say (its initiative's and parent's category).
    /// </summary>
    public void Classify(InvestmentCategory? initiativeCategory, InvestmentCategory? parentCategory, Guid? actorId, DateTime now)
    {
        if (!InvestmentCategoryByHand)
        {
            var category = WorkClassification.DefaultCategory(Kind, initiativeCategory, RemediatesDebt, parentCategory);
            Change("investmentCategory", InvestmentCategory, category, v => InvestmentCategory = v, actorId, now, internalLine: true);
        }
        FollowActivity(actorId, now);
    }

    private void FollowActivity(Guid? actorId, DateTime now)
    {
        if (!ValueChainActivityByHand)
        {
            var activity = WorkClassification.DefaultActivity(Kind, State, InitiativeId is not null);
            Change("valueChainActivity", ValueChainActivity, activity, v => ValueChainActivity = v, actorId, now, internalLine: true);
        }
    }

    /// <summary>The first public reply by someone working the item is its first response (the response clock stops on it).</summary>
    public void RecordAgentReply(DateTime now) => FirstRespondedAt ??= now;
}
