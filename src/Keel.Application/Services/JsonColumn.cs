using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Services;

/// <summary>
/// Stores a value object (a form definition, attributes, task templates) as JSON text: a plain text column on
/// both providers, compared by content so that EF notices a changed list even when it is the same instance.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        var comparer = new ValueComparer<T>(
            (a, b) => Write(a) == Write(b),
            v => Write(v).GetHashCode(StringComparison.Ordinal),
            v => Read<T>(Write(v)));
        property.HasConversion(v => Write(v), s => Read<T>(s), comparer);
        return property;
    }
}

/// <summary>
/// Fractions (shares, contributions) are stored as integer millionths: exact, and SQLite can compare and order
/// integers but not decimals. <see cref="Keel.Domain.Services"/> allows at most six decimal places, so nothing is lost.
/// </summary>
internal static class Millionths
{
    public const decimal Scale = 1_000_000m;

    public static long ToStored(decimal value) => (long)decimal.Round(value * Scale);

    public static decimal FromStored(long value) => value / Scale;

    public static PropertyBuilder<decimal> AsMillionths(this PropertyBuilder<decimal> property) =>
        property.HasConversion(v => ToStored(v), v => FromStored(v));

    public static PropertyBuilder<decimal?> AsMillionths(this PropertyBuilder<decimal?> property) =>
        property.HasConversion(v => v == null ? (long?)null : ToStored(v.Value), v => v == null ? null : FromStored(v.Value));
}
