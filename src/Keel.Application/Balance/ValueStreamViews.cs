using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Work;

namespace Keel.Application.Balance;

/// <summary>A step as written by the caller; the activity and milestones are text so a bad one is a field error, not a binding failure.</summary>
public sealed record ValueStreamStepDraft(string? Name, string? Activity, string? Start, string? End);

/// <summary>A whole stream as written by the caller (POST and PUT; PATCH merges onto the current one).</summary>
public sealed record ValueStreamDraft(
    string? Name, string? Description, string? Kind, Guid? ServiceId, Guid? CatalogItemId, IReadOnlyList<ValueStreamStepDraft>? Steps);

public sealed record ValueStreamStepView(string Name, ValueChainActivity Activity, string Start, string End);

public sealed record ValueStreamView(
    Guid Id, string Name, string? Description, WorkKind Kind, Ref? Service, Ref? CatalogItem, IReadOnlyList<ValueStreamStepView> Steps, long Version)
{
    public ValueStreamDraft ToDraft() => new(Name, Description, Kind.ToString(), Service?.Id, CatalogItem?.Id,
        [.. Steps.Select(s => new ValueStreamStepDraft(s.Name, s.Activity.ToString(), s.Start, s.End))]);
}

/// <summary>A stream's flow over [from, to), with the milestones any step of its kind may use (for the steps editor).</summary>
public sealed record ValueStreamFlowView(ValueStreamView Stream, FlowFigures Figures, int ItemsRead);
