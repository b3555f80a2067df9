using System.Text.Json;
using Keel.Application.Platform;
using Keel.Domain.Platform;

namespace Keel.Web.Api.Services;

/// <summary>
/// The merge-patch fields <see cref="MergePatch"/> does not read (numbers, enums, objects, id lists): taken out of the
/// body first, so <see cref="MergePatch.Finish"/> still refuses unknown fields, and their errors join the same answer.
/// </summary>
internal sealed class PatchFields
{
    private readonly Dictionary<string, JsonElement> _fields;
    private readonly FieldErrors _errors;

    private PatchFields(Dictionary<string, JsonElement> fields, FieldErrors errors)
    {
        _fields = fields;
        _errors = errors;
    }

    /// <summary>Splits <paramref name="body"/>: the <paramref name="names"/> go here, the rest to a <see cref="MergePatch"/>.</summary>
    public static Result<(MergePatch Patch, PatchFields Fields)> From(JsonElement body, params string[] names)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error.Validation("body", "must be a JSON object (a merge patch).");
        }
        var own = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        var rest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (names.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                own[property.Name] = property.Value;
            }
            else
            {
                rest[property.Name] = property.Value;
            }
        }
        var patch = MergePatch.From(JsonSerializer.SerializeToElement(rest)).Value!;
        return (patch, new PatchFields(own, patch.Errors));
    }

    public Optional<int?> Int(string name) => Read<int?>(name, e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var i) ? i : null, "a whole number");

    public Optional<decimal?> Decimal(string name) => Read<decimal?>(name, e => e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) ? d : null, "a number");

    public Optional<TEnum?> Enum<TEnum>(string name) where TEnum : struct, System.Enum =>
        Read<TEnum?>(name, e => e.ValueKind == JsonValueKind.String && System.Enum.TryParse<TEnum>(e.GetString(), true, out var v)
            && System.Enum.IsDefined(v) ? v : null, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>()));

    public Optional<JsonElement?> Json(string name) =>
        _fields.TryGetValue(name, out var e) ? new Optional<JsonElement?>(true, e.ValueKind == JsonValueKind.Null ? null : e) : default;

    public Optional<IReadOnlyList<Guid>?> Guids(string name) => Read<IReadOnlyList<Guid>?>(name,
        e => e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String && System.Guid.TryParse(x.GetString(), out _))
            ? e.EnumerateArray().Select(x => System.Guid.Parse(x.GetString()!)).ToList()
            : null, "an array of ids");

    public Optional<Dictionary<string, string>?> Strings(string name) => Read<Dictionary<string, string>?>(name,
        e => e.ValueKind == JsonValueKind.Object && e.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : null, "an object of text values");

    /// <summary>An object or array bound as the API binds bodies (camelCase, enums as strings).</summary>
    public Optional<T?> Object<T>(string name) where T : class => Read<T?>(name, e =>
    {
        try
        {
            return e.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? e.Deserialize<T>(BodyJson) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }, "an " + (typeof(T).IsGenericType ? "array" : "object") + " of the documented shape");

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private Optional<T> Read<T>(string name, Func<JsonElement, T> parse, string expected)
    {
        if (!_fields.TryGetValue(name, out var element))
        {
            return default;
        }
        if (element.ValueKind == JsonValueKind.Null)
        {
            return new Optional<T>(true, default!);
        }
        var value = parse(element);
        if (value is null)
        {
            _errors.Add(name, $"must be {expected}.");
            return default;
        }
        return new Optional<T>(true, value);
    }
}
