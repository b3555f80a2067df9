using System.Globalization;
using System.Text.Json;

namespace Keel.Domain.Services.Forms;

/// <summary>Reads one answered value by its field's type: the normalized value, or why it is refused.</summary>
internal static class AnswerReader
{
    public readonly record struct Outcome(JsonElement Value, string? Error, IReadOnlyList<string>? Selection);

    private static Outcome Fail(string message) => new(default, message, null);

    private static Outcome Ok<T>(T value, IReadOnlyList<string>? selection = null) =>
        new(JsonSerializer.SerializeToElement(value), null, selection);

    public static Outcome Read(FormField field, JsonElement value) => field.Type switch
    {
        FieldType.Text or FieldType.LongText => ReadText(field, value),
        FieldType.Number => ReadNumber(field, value),
        FieldType.Date => ReadDate(value),
        FieldType.Person => ReadPerson(value),
        FieldType.Choice => ReadChoice(field, value),
        FieldType.MultiChoice => ReadMultiChoice(field, value),
    };

    private static Outcome ReadText(FormField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail("must be text.");
        }
        var text = value.GetString()!.Trim();
        return text.Length > field.EffectiveMaxLength
            ? Fail($"must be at most {field.EffectiveMaxLength} characters.")
            : Ok(text);
    }

    private static Outcome ReadNumber(FormField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            return Fail("must be a number.");
        }
        if (field.Min is { } min && number < min)
        {
            return Fail($"must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
        }
        if (field.Max is { } max && number > max)
        {
            return Fail($"must be at most {max.ToString(CultureInfo.InvariantCulture)}.");
        }
        return Ok(number);
    }

    private static Outcome ReadDate(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString()!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Ok(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Fail("must be a date written yyyy-MM-dd.");

    /// <summary>Only the id's shape is checked here; whether the person exists is the use case's question.</summary>
    private static Outcome ReadPerson(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && Guid.TryParseExact(value.GetString()!.Trim(), "D", out var id) && id != Guid.Empty
            ? Ok(id.ToString("D"))
            : Fail("must be a person's id.");

    private static Outcome ReadChoice(FormField field, JsonElement value)
    {
        var options = field.Options ?? [];
        if (value.ValueKind == JsonValueKind.String && Match(options, value.GetString()!) is { } option)
        {
            return Ok(option, [option]);
        }
        return Fail($"must be one of: {string.Join(", ", options)}.");
    }

    private static Outcome ReadMultiChoice(FormField field, JsonElement value)
    {
        var options = field.Options ?? [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail("must be a list of options.");
        }
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || Match(options, item.GetString()!) is not { } option)
            {
                return Fail($"may only hold options among: {string.Join(", ", options)}.");
            }
            chosen.Add(option);
        }
        // Repeats collapse and the order follows the form, so equal selections store equal JSON.
        var selection = options.Where(chosen.Contains).ToArray();
        return Ok(selection, selection);
    }

    private static string? Match(IReadOnlyList<string> options, string given)
    {
        var trimmed = given.Trim();
        return options.FirstOrDefault(o => string.Equals(o, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
