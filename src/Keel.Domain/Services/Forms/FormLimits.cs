namespace Keel.Domain.Services.Forms;

/// <summary>The bounds of a form definition, so that a form stays something a person fills in.</summary>
public static class FormLimits
{
    public const int MaxFields = 100;
    public const int KeyMaxLength = 64;
    public const int LabelMaxLength = 200;
    public const int HelpMaxLength = 1000;
    public const int MaxOptions = 200;
    public const int OptionMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const int LongTextMaxLength = 20_000;

    /// <summary>The longest answer a text field of this type can ever accept; 0 for types that are not text.</summary>
    public static int TextLimit(FieldType type) => type switch
    {
        FieldType.Text => TextMaxLength,
        FieldType.LongText => LongTextMaxLength,
        FieldType.Choice or FieldType.MultiChoice or FieldType.Date or FieldType.Person or FieldType.Number => 0,
    };

    /// <summary>A key is a letter followed by letters, digits or underscores, so it is safe in a JSON path and a CSV header.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= KeyMaxLength }
        && char.IsAsciiLetter(key[0])
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public static bool HasOptions(FieldType type) => type is FieldType.Choice or FieldType.MultiChoice;
}
