using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Web.Api.Work;

/// <summary>
/// The filters of a work list as query parameters named after the fields (API.md): several values comma-separated,
/// <c>me</c> for the caller in <c>assignee</c> and <c>requester</c>, date ranges as <c>createdFrom</c>/<c>createdTo</c> [from, to),
/// <c>sla</c> for the worst state of the item's clocks (Breached, Soon, Running, Paused, Met, Cancelled).
/// </summary>
public sealed record WorkListQuery
{
    public string? State { get; init; }
    public string? Priority { get; init; }
    public string? Service { get; init; }
    public string? Team { get; init; }
    public string? Assignee { get; init; }
    public string? Requester { get; init; }
    public bool? Unassigned { get; init; }
    public bool? Major { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    public DateTime? UpdatedFrom { get; init; }
    public DateTime? UpdatedTo { get; init; }
    public string? Sla { get; init; }

    public Result<WorkFilter> ToFilter(ICurrentUser user)
    {
        var errors = new FieldErrors();
        var filter = new WorkFilter(
            List<WorkState>("state", State, errors, WorkFilterValues.State, "work states"),
            List<int>("priority", Priority, errors, WorkFilterValues.Priority, "numbers 1–4"),
            Ids("service", Service, user, errors),
            Ids("team", Team, user, errors),
            Ids("assignee", Assignee, user, errors),
            Ids("requester", Requester, user, errors),
            Unassigned, Major, null, Utc(CreatedFrom), Utc(CreatedTo), Utc(UpdatedFrom), Utc(UpdatedTo),
            Sla: List<SlaStatus>("sla", Sla, errors, WorkFilterValues.Name<SlaStatus>, "Breached, Soon, Running, Paused, Met or Cancelled"));
        return errors.Any ? errors.ToError() : filter;
    }

    private static DateTime? Utc(DateTime? value) => value?.Kind switch
    {
        null => null,
        DateTimeKind.Local => value.Value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value!.Value, DateTimeKind.Utc),
    };

    private static List<Guid>? Ids(string name, string? text, ICurrentUser user, FieldErrors errors) =>
        List<Guid>(name, text, errors, s => WorkFilterValues.Id(s, user.UserId), "ids (or me)");

    private static List<T>? List<T>(string name, string? text, FieldErrors errors, Func<string, T?> parse, string what) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var values = new List<T>();
        foreach (var part in WorkFilterValues.Split(text))
        {
            if (parse(part) is { } value)
            {
                values.Add(value);
            }
            else
            {
                errors.Add(name, $"must be {what}, comma-separated; '{part}' is not.");
                return null;
            }
        }
        return values;
    }
}
