using System.Text.Json;
using Keel.Application.Platform;
using Keel.Domain.Platform;

namespace Keel.Web.Api;

/// <summary>
/// Reads a JSON merge patch (RFC 7396) field by field: an absent field is left alone, null clears it.
/// Collects every type error and unknown field, so the caller hears of all of them at once.
/// </summary>
public sealed class MergePatch
{
    private readonly JsonElement _body;
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    private MergePatch(JsonElement body) => _body = body;

    public FieldErrors Errors { get; } = new();

    public static Result<MergePatch> From(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
            ? new MergePatch(body)
            : Error.Validation("body", "must be a JSON object (a merge patch).");

    public Optional<string?> String(string name) => Read(name, e => e.ValueKind == JsonValueKind.String ? (true, e.GetString()) : (false, null), "a string");

    public Optional<Guid?> Guid(string name) => Read<Guid?>(name,
        e => e.ValueKind == JsonValueKind.String && System.Guid.TryParse(e.GetString(), out var g) ? (true, g) : (false, null), "an id");

    public Optional<bool> Bool(string name)
    {
        var value = Read<bool?>(name, e => e.ValueKind is JsonValueKind.True or JsonValueKind.False ? (true, e.GetBoolean()) : (false, null), "true or false");
        if (value.IsSet && value.Value is null)
        {
            Errors.Add(name, "cannot be null.");
        }
        return value.IsSet && value.Value is { } b ? new Optional<bool>(true, b) : default;
    }

    public Optional<IReadOnlyList<string>?> Strings(string name) => Read<IReadOnlyList<string>?>(name,
        e => e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
            ? (true, e.EnumerateArray().Select(x => x.GetString()!).ToList())
            : (false, null), "an array of strings");

    /// <summary>Call after reading every field: adds an error for each field this resource does not have.</summary>
    public Error? Finish()
    {
        foreach (var property in _body.EnumerateObject().Where(p => !_known.Contains(p.Name)))
        {
            Errors.Add(property.Name, "is not a field that can be changed here.");
        }
        return Errors.Any ? Errors.ToError() : null;
    }

    private Optional<T> Read<T>(string name, Func<JsonElement, (bool Ok, T Value)> parse, string expected)
    {
        _known.Add(name);
        var property = _body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (property.Value.ValueKind == JsonValueKind.Undefined)
        {
            return default;
        }
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return new Optional<T>(true, default!);
        }
        var (ok, value) = parse(property.Value);
        if (!ok)
        {
            Errors.Add(name, $"must be {expected}.");
            return default;
        }
        return new Optional<T>(true, value);
    }
}
