using System.Globalization;
using Keel.Domain.Work;

namespace Keel.Application.Work;

/// <summary>
/// Reads the values of the work list filters as API.md writes them, one token at a time: the list endpoints' query
/// parameters, /work's address and saved views all go through here, so a value means the same everywhere.
/// </summary>
public static class WorkFilterValues
{
    /// <summary>Several values are comma-separated (<c>state=New,InProgress</c>).</summary>
    public static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static WorkState? State(string token) => Name<WorkState>(token);

    public static int? Priority(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An id, or <c>me</c> for the caller where a person is meant.</summary>
    public static Guid? Id(string token, Guid? me = null) =>
        me is not null && token.Equals("me", StringComparison.OrdinalIgnoreCase) ? me
        : Guid.TryParse(token, out var id) ? id : null;

    /// <summary>An enum by name only: Enum.TryParse would also take "2" or "1,2".</summary>
    public static TEnum? Name<TEnum>(string token) where TEnum : struct, Enum =>
        token.Length > 0 && token.All(char.IsAsciiLetter) && Enum.TryParse<TEnum>(token, true, out var value) && Enum.IsDefined(value) ? value : null;
}
