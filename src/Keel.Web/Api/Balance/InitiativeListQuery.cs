using Keel.Application.Balance;
using Keel.Domain.Balance;
using Keel.Domain.Platform;

namespace Keel.Web.Api.Balance;

/// <summary>The filters of <c>GET /api/v1/initiatives</c>: status, serviceId and category, several values comma-separated.</summary>
public sealed record InitiativeListQuery
{
    public string? Status { get; init; }
    public string? ServiceId { get; init; }
    public string? Category { get; init; }

    public Result<InitiativeFilter> ToFilter()
    {
        var errors = new FieldErrors();
        var filter = new InitiativeFilter(Enums<InitiativeStatus>("status", Status, errors), Ids("serviceId", ServiceId, errors), Enums<InvestmentCategory>("category", Category, errors));
        return errors.Any ? errors.ToError() : filter;
    }

    private static IReadOnlyList<T> Enums<T>(string field, string? text, FieldErrors errors) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var part in Split(text))
        {
            if (Enum.TryParse<T>(part, true, out var value) && Enum.IsDefined(value))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(field, $"must be one or more of {string.Join(", ", Enum.GetNames<T>())} (comma-separated).");
                break;
            }
        }
        return values;
    }

    private static IReadOnlyList<Guid> Ids(string field, string? text, FieldErrors errors)
    {
        var values = new List<Guid>();
        foreach (var part in Split(text))
        {
            if (!Guid.TryParse(part, out var id))
            {
                errors.Add(field, "must be ids (comma-separated).");
                break;
            }
            values.Add(id);
        }
        return values;
    }

    private static string[] Split(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The body of <c>POST /api/v1/initiatives/{id}/transitions</c>.</summary>
public sealed record InitiativeTransitionBody(InitiativeStatus? To);
