namespace Keel.Domain.Services.Forms;

/// <summary>
/// Shows a field only when an earlier choice or multi-choice field's answer is one of <see cref="Values"/>
/// ("equals" is the one-value case). For a multi-choice field it is enough that any one selected option matches.
/// </summary>
public sealed record ShowIf
{
    /// <summary>The key of the field whose answer decides.</summary>
    public required string Field { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];
}
