using System.Globalization;
using System.Text;
using Keel.Domain.Platform;

namespace Keel.Web.Components.Shared;

/// <summary>Turns a use case's <see cref="Error"/> into sentences a person can act on.</summary>
public static class ErrorText
{
    /// <summary>"userName: is already taken." becomes "User name is already taken."</summary>
    public static IReadOnlyList<string> Lines(Error error) =>
        error.Fields is { Count: > 0 } fields
            ? fields.SelectMany(f => f.Value.Select(message => $"{Label(f.Key)} {message}")).ToList()
            : [error.Message];

    public static string Label(string field)
    {
        var text = new StringBuilder();
        foreach (var c in field)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(text.Length == 0 ? char.ToUpper(c, CultureInfo.InvariantCulture) : char.ToLower(c, CultureInfo.InvariantCulture));
        }
        var label = text.ToString();
        return label.EndsWith(" id", StringComparison.Ordinal) ? label[..^3] : label;
    }

    public static bool IsConflict(Error? error) => error?.Kind == ErrorKind.ConcurrencyConflict;
}
