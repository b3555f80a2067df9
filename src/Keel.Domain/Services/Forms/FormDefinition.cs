using Keel.Domain.Platform;

namespace Keel.Domain.Services.Forms;

/// <summary>
/// The questions a catalogue item asks, in order. Stored as JSON with its catalogue item and used as-is by the
/// portal (to draw the form) and by <see cref="FormValidator"/> (to check what was submitted).
/// </summary>
public sealed record FormDefinition
{
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    public static readonly FormDefinition Empty = new();

    /// <summary>Null when the definition can be offered to requesters; else the field errors, keyed <c>fields[i].setting</c>.</summary>
    public Error? Validate()
    {
        var errors = new FieldErrors();
        Validate(errors);
        return errors.Any ? errors.ToError() : null;
    }

    public void Validate(FieldErrors errors, string prefix = "fields")
    {
        if (Fields is null)
        {
            errors.Add(prefix, "is required; an empty list for a form without questions.");
            return;
        }
        if (Fields.Count > FormLimits.MaxFields)
        {
            errors.Add(prefix, $"must be at most {FormLimits.MaxFields}.");
        }
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            var at = $"{prefix}[{i}]";
            if (field is null)
            {
                errors.Add(at, "is required.");
                continue;
            }
            if (!FormLimits.IsValidKey(field.Key))
            {
                errors.Add($"{at}.key", $"must start with a letter and hold only letters, digits and underscores (at most {FormLimits.KeyMaxLength}).");
            }
            else if (!firstIndex.TryAdd(field.Key, i))
            {
                // Keys differing only in case are duplicates: the API binds answers case-insensitively.
                errors.Add($"{at}.key", $"'{field.Key}' is already the key of field {firstIndex[field.Key] + 1}.");
            }
            errors.Required($"{at}.label", field.Label, FormLimits.LabelMaxLength);
            errors.Optional($"{at}.help", field.Help, FormLimits.HelpMaxLength);
            if (!Enum.IsDefined(field.Type))
            {
                errors.Add($"{at}.type", "must be Text, LongText, Choice, MultiChoice, Date, Person or Number.");
                continue;
            }
            FieldSettings.Validate(field, errors, at);
        }
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i]?.ShowIf is { } showIf)
            {
                ValidateShowIf(i, showIf, errors, $"{prefix}[{i}].showIf");
            }
        }
    }

    private void ValidateShowIf(int index, ShowIf showIf, FieldErrors errors, string at)
    {
        var target = IndexOf(showIf.Field);
        if (string.IsNullOrWhiteSpace(showIf.Field))
        {
            errors.Add($"{at}.field", "is required.");
            return;
        }
        if (target == index)
        {
            errors.Add($"{at}.field", "cannot be the field itself.");
            return;
        }
        if (target < 0)
        {
            errors.Add($"{at}.field", $"refers to '{showIf.Field}', which is not a field of this form.");
            return;
        }
        if (target > index)
        {
            // Conditions only look upwards: the form is then filled and checked top to bottom in one pass, and no
            // chain of conditions can loop. A loop is named as such because it is what the designer will want to see.
            errors.Add($"{at}.field", CycleThrough(index, target) is { } cycle
                ? $"forms a cycle: {cycle}."
                : $"refers to '{showIf.Field}', which comes later; a field can only depend on a field above it.");
            return;
        }
        var controller = Fields[target];
        if (!FormLimits.HasOptions(controller.Type))
        {
            errors.Add($"{at}.field", $"must refer to a choice or multi-choice field; '{controller.Key}' is {controller.Type}.");
            return;
        }
        if (showIf.Values is not { Count: > 0 })
        {
            errors.Add($"{at}.values", "must name at least one option.");
            return;
        }
        var options = controller.Options ?? [];
        foreach (var value in showIf.Values)
        {
            if (!options.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{at}.values", $"'{value}' is not an option of '{controller.Key}'.");
            }
        }
    }

    /// <summary>Follows the conditions from <paramref name="start"/>; the chain as text if it comes back to <paramref name="origin"/>.</summary>
    private string? CycleThrough(int origin, int start)
    {
        var chain = new List<string> { Fields[origin].Key };
        var current = start;
        for (var steps = 0; steps <= Fields.Count && current >= 0; steps++)
        {
            chain.Add(Fields[current].Key);
            if (current == origin)
            {
                return string.Join(" → ", chain);
            }
            current = Fields[current]?.ShowIf is { } next ? IndexOf(next.Field) : -1;
        }
        return null;
    }

    /// <summary>The position of the field with this key (exact spelling), or -1.</summary>
    public int IndexOf(string? key)
    {
        if (key is null)
        {
            return -1;
        }
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i]?.Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
