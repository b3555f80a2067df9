using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>
/// A service in the portfolio: the unit of value that experience, cost, outcomes and balance are reported by.
/// Consumers, outcomes and cost items hang off it by <see cref="Id"/>.
/// </summary>
public sealed class Service : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }

    /// <summary>What the service does for the business, in the business's words (shown in the portal).</summary>
    public string Description { get; set; } = "";

    public Guid OwnerId { get; set; }
    public Guid DeliveringTeamId { get; set; }
    public ServiceLifecycle Lifecycle { get; set; } = ServiceLifecycle.Pipeline;

    /// <summary>1 = the business stops without it … 4 = an inconvenience. Drives priority and attention.</summary>
    public int Criticality { get; set; } = 3;

    /// <summary>The share 0–1 of resolved incidents and fulfilled requests whose requester is sent a survey.</summary>
    public decimal SurveySampleRate { get; set; } = 1m;

    /// <summary>The experience level agreement: the experience score 0–100 this service aims for.</summary>
    public int ExperienceTarget { get; set; } = DefaultExperienceTarget;

    public long Version { get; set; }

    public const int HighestCriticality = 1;
    public const int LowestCriticality = 4;
    public const int DefaultExperienceTarget = 75;

    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        errors.Required("description", Description, DescriptionMaxLength);
        if (OwnerId == Guid.Empty)
        {
            errors.Add("ownerId", "is required.");
        }
        if (DeliveringTeamId == Guid.Empty)
        {
            errors.Add("deliveringTeamId", "is required.");
        }
        if (!Enum.IsDefined(Lifecycle))
        {
            errors.Add("lifecycle", "must be Pipeline, Live or Retired.");
        }
        if (Criticality is < HighestCriticality or > LowestCriticality)
        {
            errors.Add("criticality", $"must be between {HighestCriticality} and {LowestCriticality}.");
        }
        Fractions.Check(errors, "surveySampleRate", SurveySampleRate);
        if (ExperienceTarget is < 0 or > 100)
        {
            errors.Add("experienceTarget", "must be between 0 and 100.");
        }
    }

    /// <summary>
    /// Moves the service along its lifecycle. Retiring a service that still has open work needs an explicit
    /// confirmation: the work stays open against a service nobody offers any more, and someone must own that.
    /// </summary>
    public Error? MoveTo(ServiceLifecycle to, int openWorkItems = 0, bool confirmed = false)
    {
        if (ServiceLifecycleRules.Check(Lifecycle, to) is { } illegal)
        {
            return illegal;
        }
        if (to == ServiceLifecycle.Retired && openWorkItems > 0 && !confirmed)
        {
            return new Error(ErrorKind.Conflict, "confirmation_required",
                $"The service has {openWorkItems} open work item(s). Confirm to retire it anyway.");
        }
        Lifecycle = to;
        return null;
    }
}
