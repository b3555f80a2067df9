using System.Text;

namespace Keel.Application.Services;

/// <summary>A small RFC 4180 reader: commas, double-quoted fields with "" escapes and line breaks inside quotes.</summary>
internal static class Csv
{
    /// <summary>The records with the (1-based) line each starts on; blank lines are skipped.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (start, fields.ToList());
                    }
                    fields.Clear();
                    field.Clear();
                    any = false;
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
