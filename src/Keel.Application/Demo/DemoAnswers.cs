using System.Globalization;
using System.Text.Json;
using Keel.Application.Platform;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Forms;

namespace Keel.Application.Demo;

/// <summary>
/// Answers to a catalogue item's form as a requester would give them: every shown required field, some optional ones,
/// values of each field's type within its limits. They pass through <see cref="FormValidator"/> and are stored in its
/// normalized form, exactly as RequestService stores them.
/// </summary>
internal static class DemoAnswers
{
    public static string For(CatalogItem item, KeelUser requester, HistoryWorld world, DemoRandom random, DateTime at)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var selections = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var field in item.Form.Fields)
            {
                var shown = field.ShowIf is not { } condition
                    || (selections.TryGetValue(condition.Field, out var selected) && selected.Any(s => condition.Values.Contains(s, StringComparer.OrdinalIgnoreCase)));
                if (!shown || (!field.Required && random.Chance(0.4)))
                {
                    continue;
                }
                writer.WritePropertyName(field.Key);
                if (Write(writer, field, requester, world, random, at) is { } selection)
                {
                    selections[field.Key] = selection;
                }
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var checkedAnswers = FormValidator.Validate(item.Form, document.RootElement);
        return checkedAnswers.IsSuccess
            ? checkedAnswers.Value!.ToJson()
            : throw new InvalidOperationException($"Demo answers for '{item.Name}' do not pass its form: {string.Join("; ", checkedAnswers.Error!.Fields?.Select(f => $"{f.Key} {string.Join(' ', f.Value)}") ?? [])}");
    }

    /// <summary>Writes one answer; returns the options chosen, which decide the fields shown after it.</summary>
    private static IReadOnlyList<string>? Write(Utf8JsonWriter writer, FormField field, KeelUser requester, HistoryWorld world, DemoRandom random, DateTime at)
    {
        var options = field.Options ?? [];
        switch (field.Type)
        {
            case FieldType.Choice:
                var option = options[random.Next(options.Count)];
                writer.WriteStringValue(option);
                return [option];
            case FieldType.MultiChoice:
                var chosen = options.Where(_ => random.Chance(0.5)).DefaultIfEmpty(options[0]).ToList();
                writer.WriteStartArray();
                chosen.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                return chosen;
            case FieldType.Number:
                var min = (int)Math.Ceiling(field.Min ?? 1);
                var max = (int)Math.Floor(field.Max ?? Math.Max(min, 10));
                writer.WriteNumberValue(min + random.Next(Math.Max(1, Math.Min(max, min + 11) - min + 1)));
                return null;
            case FieldType.Date:
                writer.WriteStringValue(DateOnly.FromDateTime(at).AddDays(14 + random.Next(80)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return null;
            case FieldType.Person:
                var colleagues = world.People.Values.Where(p => p.Id != requester.Id && p.BusinessUnitId == requester.BusinessUnitId && p.IsActive).ToList();
                writer.WriteStringValue((colleagues.Count > 0 ? colleagues[random.Next(colleagues.Count)] : requester).Id.ToString("D"));
                return null;
            default:
                var text = Text(field, random);
                writer.WriteStringValue(text.Length > field.EffectiveMaxLength ? text[..field.EffectiveMaxLength] : text);
                return null;
        }
    }

    private static string Text(FormField field, DemoRandom random)
    {
        IReadOnlyList<string> bank = field.Key switch
        {
            "summary" => WorkPhrases.ChangeSummaries,
            "details" => WorkPhrases.ChangeDetails,
            "justification" => WorkPhrases.Justifications,
            "location" => WorkPhrases.Sites,
            _ => field.Type == FieldType.LongText ? WorkPhrases.ChangeDetails : ["As discussed with my manager."],
        };
        return bank[random.Next(bank.Count)];
    }
}
