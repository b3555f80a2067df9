namespace Keel.Domain.Services.Forms;

/// <summary>The kinds of question a catalogue form can ask, and the JSON value each expects as an answer.</summary>
public enum FieldType
{
    /// <summary>One line of text: a JSON string.</summary>
    Text,

    /// <summary>Several lines of text: a JSON string.</summary>
    LongText,

    /// <summary>One of the field's options: a JSON string.</summary>
    Choice,

    /// <summary>Any number of the field's options: a JSON array of strings.</summary>
    MultiChoice,

    /// <summary>A calendar date: a JSON string <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A person: a JSON string holding the person's id (a GUID).</summary>
    Person,

    /// <summary>A JSON number, optionally within a minimum and maximum.</summary>
    Number,
}
