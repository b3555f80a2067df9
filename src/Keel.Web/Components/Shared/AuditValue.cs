using System.Globalization;
using System.Text.Json;

namespace Keel.Web.Components.Shared;

/// <summary>How one before/after value of the audit trail reads on screen.</summary>
public static class AuditValue
{
    public static bool IsEmpty(JsonElement? value) => value is null || value.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>A UTC instant when the value is one (audit values of DateTime fields are ISO strings).</summary>
    public static DateTime? AsUtcTime(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } e && e.GetString() is { Length: >= 19 } text && text[10] == 'T'
        && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    public static string Text(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        { ValueKind: JsonValueKind.True } => "yes",
        { ValueKind: JsonValueKind.False } => "no",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
        { } e => e.GetRawText(),
    };

    public static string Action(string action) => action switch
    {
        "Created" => "created",
        "Deleted" => "deleted",
        _ => "changed",
    };

    /// <summary>The record kinds of the trail by the names people use.</summary>
    public static readonly IReadOnlyList<(string Type, string Label)> EntityTypes =
    [
        ("KeelUser", "Person"),
        ("Team", "Team"),
        ("TeamMember", "Team membership"),
        ("BusinessUnit", "Business unit"),
        ("Service", "Service"),
        ("ConfigurationItem", "Configuration item"),
    ];

    public static string EntityLabel(string type) =>
        EntityTypes.FirstOrDefault(t => t.Type == type).Label ?? type;
}
