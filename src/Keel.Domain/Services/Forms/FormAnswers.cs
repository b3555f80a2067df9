using System.Text.Json;

namespace Keel.Domain.Services.Forms;

/// <summary>One checked answer, in its normalized JSON form.</summary>
public sealed record FormAnswer(string Key, JsonElement Value);

/// <summary>
/// The answers of a submitted form after <see cref="FormValidator"/>: only the fields that were shown and
/// answered, in form order, under the form's own key spelling, each value in one canonical form
/// (trimmed text, a JSON number, <c>yyyy-MM-dd</c>, a lower-case GUID, the option's own spelling).
/// </summary>
public sealed class FormAnswers
{
    public FormAnswers(IReadOnlyList<FormAnswer> items) => Items = items;

    public IReadOnlyList<FormAnswer> Items { get; }

    public int Count => Items.Count;

    public bool TryGet(string key, out JsonElement value)
    {
        foreach (var item in Items)
        {
            if (string.Equals(item.Key, key, StringComparison.Ordinal))
            {
                value = item.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public bool Contains(string key) => TryGet(key, out _);

    /// <summary>The answers as one JSON object, the form in which a request stores them.</summary>
    public JsonElement ToJsonElement()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var item in Items)
            {
                writer.WritePropertyName(item.Key);
                item.Value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public string ToJson() => ToJsonElement().GetRawText();
}
