using Keel.Domain.Platform;
using Keel.Domain.Value;

namespace Keel.Web.Api.Value;

/// <summary>The <c>?from=&amp;to=</c> of the value endpoints: dates as YYYY-MM-DD, the period <c>[from, to)</c>; both left out means the default period.</summary>
public static class PeriodQuery
{
    public static Result<Period> Parse(string? from, string? to, Func<Period> fallback)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return fallback();
        }
        var errors = new FieldErrors();
        var first = Date(errors, "from", from);
        var last = Date(errors, "to", to);
        return errors.Any ? errors.ToError() : Period.Create(first, last);
    }

    private static DateOnly? Date(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "is required with the other end of the period (YYYY-MM-DD).");
        }
        return Period.ParseDate(errors, field, text);
    }
}
