using System.Globalization;
using System.Text;
using Keel.Domain.Services.Forms;

namespace Keel.Web.Components.Pages.Services.CatalogEditor;

/// <summary>One question while the designer edits it: mutable, and turned into a <see cref="FormField"/> for the preview and on save.</summary>
public sealed class FieldDraft
{
    public FieldType Type { get; set; }
    public string Label { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>Once the person types a key, a new label no longer changes it.</summary>
    public bool KeyEdited { get; set; }

    public bool Required { get; set; }
    public string? Help { get; set; }
    public List<string> Options { get; } = [];
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public int? MaxLength { get; set; }

    /// <summary>The key of the earlier choice field this one depends on, or null when always shown.</summary>
    public string? ShowIfField { get; set; }

    public HashSet<string> ShowIfValues { get; } = new(StringComparer.Ordinal);

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.Text => "Text",
        FieldType.LongText => "Long text",
        FieldType.Choice => "Choice",
        FieldType.MultiChoice => "Multi-choice",
        FieldType.Date => "Date",
        FieldType.Person => "Person",
        FieldType.Number => "Number",
        _ => type.ToString(),
    };

    /// <summary>"Which model?" becomes "which_model"; a key must start with a letter.</summary>
    public static string KeyFrom(string label)
    {
        var key = new StringBuilder();
        foreach (var c in label.Trim().ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '_')
            {
                key.Append('_');
            }
        }
        var text = key.ToString().Trim('_');
        if (text.Length > 0 && !char.IsAsciiLetter(text[0]))
        {
            text = "q_" + text;
        }
        return text.Length > FormLimits.KeyMaxLength ? text[..FormLimits.KeyMaxLength] : text;
    }

    public static FieldDraft From(FormField field)
    {
        var draft = new FieldDraft
        {
            Type = field.Type,
            Label = field.Label,
            Key = field.Key,
            KeyEdited = true,
            Required = field.Required,
            Help = field.Help,
            Min = field.Min,
            Max = field.Max,
            MaxLength = field.MaxLength,
            ShowIfField = field.ShowIf?.Field,
        };
        draft.Options.AddRange(field.Options ?? []);
        foreach (var value in field.ShowIf?.Values ?? [])
        {
            draft.ShowIfValues.Add(value);
        }
        return draft;
    }

    public FormField ToField(IReadOnlyList<string>? controllerOptions) => new()
    {
        Key = Key.Trim(),
        Label = Label.Trim(),
        Type = Type,
        Required = Required,
        Help = string.IsNullOrWhiteSpace(Help) ? null : Help.Trim(),
        Options = FormLimits.HasOptions(Type) ? Options.Select(o => o.Trim()).ToList() : null,
        Min = Type == FieldType.Number ? Min : null,
        Max = Type == FieldType.Number ? Max : null,
        MaxLength = Type is FieldType.Text or FieldType.LongText ? MaxLength : null,
        ShowIf = ShowIfField is { Length: > 0 } on
            ? new ShowIf { Field = on, Values = (controllerOptions ?? []).Where(ShowIfValues.Contains).ToList() }
            : null,
    };

    public static FormDefinition ToDefinition(IReadOnlyList<FieldDraft> drafts) => new()
    {
        Fields = drafts.Select(d => d.ToField(drafts.FirstOrDefault(c => c.Key == d.ShowIfField)?.Options)).ToList(),
    };
}
