using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Keel.Domain.Services.Forms;

namespace Keel.Domain.Tests.Services;

/// <summary>A generated form definition and a payload built to satisfy it, with what the validator should keep.</summary>
internal sealed record FormCase(
    FormDefinition Definition,
    ImmutableDictionary<string, object> Answers,
    IReadOnlyList<string> ExpectedKeys,
    IReadOnlyList<string> RequiredShown)
{
    public JsonElement AnswersJson => JsonSerializer.SerializeToElement(Answers);

    public override string ToString() =>
        $"{JsonSerializer.Serialize(Definition)} / {JsonSerializer.Serialize(Answers)}";
}

/// <summary>Generators of valid form definitions and of valid payloads for them.</summary>
internal static class FormGen
{
    private static readonly string[] Words = ["Yes", "No", "Laptop", "Phone", "Other", "Red", "Blue", "Ünïcode"];

    public static Gen<FormDefinition> Definitions =>
        Gen.Choose(0, 8).SelectMany(Fields).Select(fields => new FormDefinition { Fields = fields });

    private static Gen<ImmutableList<FormField>> Fields(int count)
    {
        var gen = Gen.Constant(ImmutableList<FormField>.Empty);
        for (var i = 0; i < count; i++)
        {
            var index = i;
            gen = gen.SelectMany(earlier => Field(index, earlier).Select(earlier.Add));
        }
        return gen;
    }

    private static Gen<FormField> Field(int index, ImmutableList<FormField> earlier) =>
        from type in Gen.Elements(Enum.GetValues<FieldType>())
        from required in Gen.Elements(true, false)
        from options in Gen.Shuffle(Words).SelectMany(w => Gen.Choose(1, 4).Select(n => w.Take(n).ToArray()))
        from min in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, Gen.Choose(-100, 100).Select(n => (decimal?)n)))
        from span in Gen.Choose(0, 200)
        from hasMax in Gen.Elements(true, false)
        from maxLength in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 40).Select(n => (int?)n)))
        from showIf in ShowIf(earlier)
        select new FormField
        {
            Key = $"f{index}_{type}",
            Label = $"Question {index + 1}",
            Type = type,
            Required = required,
            Help = index % 2 == 0 ? "Some help." : null,
            Options = FormLimits.HasOptions(type) ? options : null,
            Min = type == FieldType.Number ? min : null,
            Max = type == FieldType.Number && hasMax ? (min ?? 0) + span : null,
            MaxLength = FormLimits.TextLimit(type) > 0 ? maxLength : null,
            ShowIf = showIf,
        };

    private static Gen<ShowIf?> ShowIf(ImmutableList<FormField> earlier)
    {
        var controllers = earlier.Where(f => FormLimits.HasOptions(f.Type)).ToArray();
        if (controllers.Length == 0)
        {
            return Gen.Constant<ShowIf?>(null);
        }
        var condition =
            from controller in Gen.Elements(controllers)
            from values in Gen.Shuffle(controller.Options!.ToArray()).SelectMany(o => Gen.Choose(1, controller.Options!.Count).Select(n => o.Take(n).ToArray()))
            select (ShowIf?)new ShowIf { Field = controller.Key, Values = values };
        return Gen.Frequency((1, Gen.Constant<ShowIf?>(null)), (2, condition));
    }

    /// <summary>A definition with a payload that answers every shown required field validly, some optional ones, and some hidden ones.</summary>
    public static Gen<FormCase> Cases =>
        Definitions.SelectMany(definition =>
        {
            var start = Gen.Constant(new FormCase(definition, ImmutableDictionary<string, object>.Empty, [], []));
            var selections = ImmutableDictionary<string, string[]>.Empty;
            var gen = start.Select(c => (Case: c, Selections: selections));
            foreach (var question in definition.Fields)
            {
                gen = gen.SelectMany(state => Answer(question, state.Case, state.Selections));
            }
            return gen.Select(state => state.Case);
        });

    private static Gen<(FormCase Case, ImmutableDictionary<string, string[]> Selections)> Answer(
        FormField field, FormCase current, ImmutableDictionary<string, string[]> selections)
    {
        var shown = field.ShowIf is not { } condition
            || (selections.TryGetValue(condition.Field, out var selected) && selected.Intersect(condition.Values).Any());
        if (!shown)
        {
            // Something for a hidden field now and then: the validator must drop it, whatever it is.
            return Gen.Frequency(
                (2, Gen.Constant((current, selections))),
                (1, Gen.Elements<object>(42, "junk", new[] { "Nope" }, true)
                    .Select(junk => (current with { Answers = current.Answers.SetItem(field.Key, junk) }, selections))));
        }
        var answer = Value(field).Select(v =>
        {
            var next = current with
            {
                Answers = current.Answers.SetItem(field.Key, v.Json),
                ExpectedKeys = [.. current.ExpectedKeys, field.Key],
                RequiredShown = field.Required ? [.. current.RequiredShown, field.Key] : current.RequiredShown,
            };
            return (next, v.Selection is null ? selections : selections.SetItem(field.Key, v.Selection));
        });
        return field.Required ? answer : Gen.Frequency((1, Gen.Constant((current, selections))), (2, answer));
    }

    private static Gen<(object Json, string[]? Selection)> Value(FormField field) => field.Type switch
    {
        FieldType.Text or FieldType.LongText =>
            from length in Gen.Choose(1, Math.Min(field.EffectiveMaxLength, 12))
            from chars in Gen.ArrayOf(Gen.Elements("abcXYZ 09é\n".ToCharArray()), length)
            from pad in Gen.Elements("", " ", "  ")
            let text = new string(chars).Trim() is { Length: > 0 } t ? t : "x"
            select ((object)(pad + text + pad), (string[]?)null),
        FieldType.Choice =>
            from option in Gen.Elements(field.Options!.ToArray())
            from upper in Gen.Elements(true, false)
            select ((object)(upper ? option.ToUpperInvariant() : option), (string[]?)[option]),
        FieldType.MultiChoice =>
            from chosen in Gen.NonEmptyListOf(Gen.Elements(field.Options!.ToArray()))
            select ((object)chosen.ToArray(), (string[]?)chosen.Distinct().ToArray()),
        FieldType.Date =>
            Gen.Choose(0, 365 * 60).Select(days => ((object)new DateOnly(1990, 1, 1).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string[]?)null)),
        FieldType.Person =>
            from a in Gen.Choose(1, int.MaxValue)
            from upper in Gen.Elements(true, false)
            let id = new Guid(a, 7, 9, 1, 2, 3, 4, 5, 6, 7, 8).ToString("D")
            select ((object)(upper ? id.ToUpperInvariant() : id), (string[]?)null),
        FieldType.Number =>
            from halves in Gen.Choose((int)((field.Min ?? -1000) * 2), (int)((field.Max ?? 1000) * 2))
            select ((object)(halves / 2m), (string[]?)null),
    };
}
