using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Keel.Application.Platform.Export;

public enum SpreadsheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>A file to download: its bytes, media type and name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// A table of figures written as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read accents) or
/// XLSX. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @) are prefixed with an apostrophe
/// in CSV: a business unit called "=HYPERLINK(…)" stays text on a finance manager's machine.
/// </summary>
public sealed class SpreadsheetTable(IReadOnlyList<string> headers)
{
    private readonly List<object?[]> _rows = [];

    public SpreadsheetTable Add(params object?[] cells)
    {
        if (cells.Length != headers.Count)
        {
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {headers.Count} columns.", nameof(cells));
        }
        // Dates as ISO text in both formats: no spreadsheet locale turns 2026-10-01 into 10/01/2026 or a serial number.
        _rows.Add([.. cells.Select(c => c is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : c)]);
        return this;
    }

    public ExportFile Write(SpreadsheetFormat format, string baseName) => format == SpreadsheetFormat.Xlsx
        ? new ExportFile(Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", baseName + ".xlsx")
        : new ExportFile(Csv(), "text/csv; charset=utf-8", baseName + ".csv");

    private byte[] Csv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', headers.Select(Quote)).Append("\r\n");
        foreach (var row in _rows)
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private byte[] Xlsx()
    {
        var sheet = _rows.Select(row => headers.Select((h, i) => (h, row[i])).ToDictionary(c => c.h, c => c.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "Figures");
        return stream.ToArray();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
