using Keel.Domain.Platform;

namespace Keel.Domain.Services.Forms;

/// <summary>The settings that belong to each field type. A setting on the wrong type is refused rather than
/// ignored: it is a designer left-over that would make the form look stricter than it is.</summary>
internal static class FieldSettings
{
    public static void Validate(FormField field, FieldErrors errors, string at)
    {
        ValidateOptions(field, errors, at);
        ValidateRange(field, errors, at);
        ValidateMaxLength(field, errors, at);
    }

    private static void ValidateOptions(FormField field, FieldErrors errors, string at)
    {
        if (!FormLimits.HasOptions(field.Type))
        {
            if (field.Options is { Count: > 0 })
            {
                errors.Add($"{at}.options", $"only choice and multi-choice fields have options; this field is {field.Type}.");
            }
            return;
        }
        if (field.Options is not { Count: > 0 } options)
        {
            errors.Add($"{at}.options", "a choice field needs at least one option.");
            return;
        }
        if (options.Count > FormLimits.MaxOptions)
        {
            errors.Add($"{at}.options", $"must be at most {FormLimits.MaxOptions}.");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < options.Count; j++)
        {
            var option = options[j];
            if (string.IsNullOrWhiteSpace(option) || option.Length > FormLimits.OptionMaxLength || option != option.Trim())
            {
                errors.Add($"{at}.options[{j}]", $"must be 1 to {FormLimits.OptionMaxLength} characters without leading or trailing spaces.");
            }
            else if (!seen.Add(option))
            {
                // Answers match options ignoring case, so "Yes" and "yes" could not be told apart.
                errors.Add($"{at}.options[{j}]", $"'{option}' appears more than once.");
            }
        }
    }

    private static void ValidateRange(FormField field, FieldErrors errors, string at)
    {
        if (field.Type != FieldType.Number)
        {
            if (field.Min is not null || field.Max is not null)
            {
                errors.Add($"{at}.min", $"only number fields have a minimum and maximum; this field is {field.Type}.");
            }
            return;
        }
        if (field.Min is { } min && field.Max is { } max && min > max)
        {
            errors.Add($"{at}.max", $"must not be below the minimum {min}.");
        }
    }

    private static void ValidateMaxLength(FormField field, FieldErrors errors, string at)
    {
        var limit = FormLimits.TextLimit(field.Type);
        if (limit == 0)
        {
            if (field.MaxLength is not null)
            {
                errors.Add($"{at}.maxLength", $"only text fields have a maximum length; this field is {field.Type}.");
            }
            return;
        }
        if (field.MaxLength is { } maxLength && (maxLength < 1 || maxLength > limit))
        {
            errors.Add($"{at}.maxLength", $"must be between 1 and {limit}.");
        }
    }
}
