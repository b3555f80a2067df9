using System.Globalization;
using Keel.Domain.Platform;

namespace Keel.Domain.Balance;

/// <summary>
/// A project or epic (issue 8): what it is for (its investment category and value hypothesis), what it should achieve
/// and how that is measured, its effort estimate and its owner. Work items and changes link to it. After delivery a
/// benefits review records the value realised against the value expected.
/// </summary>
public sealed class Initiative : IAudited, IVersioned
{
    public const string Prefix = "INI";

    /// <summary>The row of the work counters that numbers initiatives.</summary>
    public const string Counter = "Initiative";
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int UnitMaxLength = 40;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>INI0000001: numbered like work, from its own counter.</summary>
    public string Number { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Markdown: the value hypothesis (why we believe this is worth doing).</summary>
    public string Description { get; set; } = "";

    public Guid ServiceId { get; set; }
    public InvestmentCategory Category { get; set; } = InvestmentCategory.Grow;
    public string ExpectedOutcome { get; set; } = "";

    /// <summary>How the outcome is measured (e.g. "orders per day through the portal").</summary>
    public string Measure { get; set; } = "";

    /// <summary>The expected value of <see cref="Measure"/>, in <see cref="Unit"/>.</summary>
    public double? ExpectedValue { get; set; }

    public string Unit { get; set; } = "";
    public int? EffortEstimateHours { get; set; }
    public InitiativeStatus Status { get; set; } = InitiativeStatus.Proposed;
    public Guid OwnerId { get; set; }

    /// <summary>The value of <see cref="Measure"/> found by the benefits review.</summary>
    public double? RealisedValue { get; set; }

    public string? ReviewNotes { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public Guid? ReviewedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public long Version { get; set; }

    public bool IsOpen => Status is not (InitiativeStatus.Reviewed or InitiativeStatus.Cancelled);

    /// <summary>The statuses the initiative may move to by hand. Reviewed is reached only through <see cref="Review"/>.</summary>
    public static IReadOnlyList<InitiativeStatus> AllowedFrom(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Proposed => [InitiativeStatus.Approved, InitiativeStatus.Cancelled],
        InitiativeStatus.Approved => [InitiativeStatus.InProgress, InitiativeStatus.Cancelled],
        InitiativeStatus.InProgress => [InitiativeStatus.Delivered, InitiativeStatus.Cancelled],
        InitiativeStatus.Delivered => [InitiativeStatus.Cancelled],
        InitiativeStatus.Reviewed or InitiativeStatus.Cancelled => [],
    };

    public static string FormatNumber(long sequence) => Prefix + sequence.ToString("D7", CultureInfo.InvariantCulture);

    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        errors.Optional("description", Description, TextMaxLength);
        errors.Optional("expectedOutcome", ExpectedOutcome, TextMaxLength);
        errors.Optional("measure", Measure, NameMaxLength);
        errors.Optional("unit", Unit, UnitMaxLength);
        if (!Enum.IsDefined(Category))
        {
            errors.Add("category", "must be Run, Debt, Grow or Transform.");
        }
        if (EffortEstimateHours is < 0 or > 1_000_000)
        {
            errors.Add("effortEstimateHours", "must be between 0 and 1,000,000.");
        }
        if (ExpectedValue is { } value && !double.IsFinite(value))
        {
            errors.Add("expectedValue", "must be a number.");
        }
    }

    /// <summary>Moves the initiative; an illegal move is refused with the statuses it may move to.</summary>
    public Error? MoveTo(InitiativeStatus to, DateTime now)
    {
        var allowed = AllowedFrom(Status);
        if (!allowed.Contains(to))
        {
            return Error.IllegalTransition(Status.ToString(), to.ToString(), [.. allowed.Select(s => s.ToString())]);
        }
        Status = to;
        UpdatedAt = now;
        if (to == InitiativeStatus.Delivered)
        {
            DeliveredAt = now;
        }
        return null;
    }

    /// <summary>The benefits review: only a delivered initiative is reviewed, which closes it as Reviewed.</summary>
    public Error? Review(double? realisedValue, string? notes, Guid reviewerId, DateTime now)
    {
        if (Status != InitiativeStatus.Delivered)
        {
            return Error.IllegalTransition(Status.ToString(), InitiativeStatus.Reviewed.ToString(), [.. AllowedFrom(Status).Select(s => s.ToString())]);
        }
        var errors = new FieldErrors();
        if (realisedValue is not { } value || !double.IsFinite(value))
        {
            errors.Add("realisedValue", "is required: the value of the measure found after delivery.");
        }
        errors.Optional("reviewNotes", notes, TextMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }
        RealisedValue = realisedValue;
        ReviewNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        ReviewedAt = now;
        ReviewedById = reviewerId;
        Status = InitiativeStatus.Reviewed;
        UpdatedAt = now;
        return null;
    }
}
