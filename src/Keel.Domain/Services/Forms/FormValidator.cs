using System.Text.Json;
using Keel.Domain.Platform;

namespace Keel.Domain.Services.Forms;

/// <summary>
/// Checks a submitted payload against a form definition — the one rule behind the portal's form and
/// <c>POST /api/v1/requests</c>. Errors are keyed <c>answers.&lt;key&gt;</c>.
/// <list type="bullet">
/// <item>Fields are read top to bottom; a field is shown when it has no condition, or when the field its
/// condition names is shown and answered with one of the condition's values.</item>
/// <item>A shown required field must be answered. <c>null</c>, blank text and an empty selection count as not answered.</item>
/// <item>Answers to hidden fields are dropped, not refused, and not checked: a person who picks "Laptop",
/// types a screen size, then switches to "Phone" has done nothing wrong, and the UI need not clear what it
/// keeps for them. The stored request never holds an answer to a question the requester was not asked.</item>
/// <item>Keys the form does not have are refused: a misspelt key would otherwise lose an answer silently.
/// Keys match the form's keys ignoring case, as all API input binds.</item>
/// </list>
/// The definition is expected to have passed <see cref="FormDefinition.Validate()"/> when it was saved.
/// </summary>
public static class FormValidator
{
    public static Result<FormAnswers> Validate(FormDefinition definition, JsonElement answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (answers.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return Error.Validation("answers", "must be an object of field keys and answers.");
        }
        var errors = new FieldErrors();
        var given = ReadGiven(definition, answers, errors);
        var accepted = new List<FormAnswer>();
        var selections = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in definition.Fields)
        {
            if (!IsShown(field, selections))
            {
                continue;
            }
            var at = $"answers.{field.Key}";
            if (!given.TryGetValue(field.Key, out var value) || IsUnanswered(value))
            {
                if (field.Required)
                {
                    errors.Add(at, "is required.");
                }
                continue;
            }
            var read = AnswerReader.Read(field, value);
            if (read.Error is { } message)
            {
                errors.Add(at, message);
                continue;
            }
            accepted.Add(new FormAnswer(field.Key, read.Value));
            if (read.Selection is { } selection)
            {
                selections[field.Key] = selection;
            }
        }
        return errors.Any ? errors.ToError() : new FormAnswers(accepted);
    }

    /// <summary>The submitted values by the form's key spelling; unknown and repeated keys are refused here.</summary>
    private static Dictionary<string, JsonElement> ReadGiven(FormDefinition definition, JsonElement answers, FieldErrors errors)
    {
        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (answers.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return given;
        }
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in definition.Fields)
        {
            keys.TryAdd(field.Key, field.Key);
        }
        foreach (var property in answers.EnumerateObject())
        {
            if (!keys.TryGetValue(property.Name, out var key))
            {
                errors.Add($"answers.{property.Name}", "is not a field of this form.");
            }
            else if (!given.TryAdd(key, property.Value))
            {
                errors.Add($"answers.{key}", "is given more than once.");
            }
        }
        return given;
    }

    private static bool IsShown(FormField field, Dictionary<string, IReadOnlyList<string>> selections) =>
        field.ShowIf is not { } condition
        || (selections.TryGetValue(condition.Field, out var selected)
            && selected.Any(s => condition.Values.Contains(s, StringComparer.OrdinalIgnoreCase)));

    private static bool IsUnanswered(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => false,
    };
}
