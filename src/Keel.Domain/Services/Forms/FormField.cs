namespace Keel.Domain.Services.Forms;

/// <summary>One question of a catalogue form. Which settings apply depends on <see cref="Type"/>.</summary>
public sealed record FormField
{
    /// <summary>Names the answer in the payload (<c>answers.&lt;key&gt;</c>); letters, digits and underscores.</summary>
    public required string Key { get; init; }

    public required string Label { get; init; }
    public FieldType Type { get; init; }
    public bool Required { get; init; }

    /// <summary>A hint under the field, in the requester's words.</summary>
    public string? Help { get; init; }

    /// <summary>Choice and multi-choice only: the options, in the order shown.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Number only: the smallest and largest answer accepted.</summary>
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>Text and long text only: the longest answer accepted; the type's limit when not set.</summary>
    public int? MaxLength { get; init; }

    public ShowIf? ShowIf { get; init; }

    /// <summary>The longest answer this field accepts (text types only).</summary>
    public int EffectiveMaxLength => MaxLength ?? FormLimits.TextLimit(Type);
}
