using System.Globalization;
using System.Text;
using Keel.Domain.Platform;

namespace Keel.Application.Platform.Paging;

/// <summary>
/// The cursor of a list ranked by a computed figure (a search score, a debt item's payback): the position in the ranking.
/// Such a figure is not a stable key to seek from, and a ranked list is read a page or two deep, so an offset is the
/// honest choice here.
/// </summary>
internal static class RankCursor
{
    private const string Prefix = "rank:";

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int Decode(string? cursor, FieldErrors errors)
    {
        if (cursor is null)
        {
            return 0;
        }
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }
        errors.Add("cursor", "does not belong to this ranked search; start again without a cursor.");
        return 0;
    }
}
