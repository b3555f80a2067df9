using System.Globalization;
using System.Text.Json;
using Keel.Domain.Work;

namespace Keel.Application.Work;

/// <summary>A part of a queue view that could not be read: which field, and why.</summary>
public sealed record QueueViewProblem(string Field, string Message)
{
    /// <summary>For a person opening the view: what was left out and why.</summary>
    public string Warning => $"Left out of this view: {Field} {Message}";
}

/// <summary>
/// Reads and writes a <see cref="QueueView"/> as a JSON document (saved views) and as query parameters (/work's
/// address), through the same token readers as the list endpoints (<see cref="WorkFilterValues"/>). Reading never
/// trusts its input: each value that is unknown or invalid is left out and reported, so a caller either refuses
/// the whole (saving) or goes on without that part and says so (opening).
/// </summary>
public static class QueueViewDocument
{
    public const int Schema = 1;

    private static readonly string[] Fields = ["schema", "kind", "queue", "state", "priority", "service", "q", "sort"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(QueueView view)
    {
        var document = new Dictionary<string, object?>
        {
            ["schema"] = Schema,
            ["kind"] = view.Kind.ToString(),
            ["queue"] = view.Queue.ToString(),
            ["state"] = view.States.Select(s => s.ToString()).ToList(),
            ["priority"] = view.Priorities,
            ["service"] = view.Services,
            ["q"] = view.Q,
            ["sort"] = view.Sort,
        };
        return JsonSerializer.Serialize(document, Json);
    }

    public static JsonElement ToJson(QueueView view) => JsonDocument.Parse(Write(view)).RootElement.Clone();

    /// <summary>Reads a stored or posted document; problems name their field as <c>filter.x</c>.</summary>
    public static QueueView Read(JsonElement document, List<QueueViewProblem> problems)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("filter", "must be a JSON object."));
            return new QueueView();
        }
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var property in document.EnumerateObject())
        {
            var name = Fields.FirstOrDefault(f => f.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                problems.Add(new($"filter.{property.Name}", "is not a field of a view's filter."));
            }
            else if (Tokens(property.Value, name is "q" or "kind" or "queue" or "sort" or "schema") is { } tokens)
            {
                values[name] = tokens;
            }
            else
            {
                problems.Add(new($"filter.{name}", name is "q" or "kind" or "queue" or "sort" ? "must be a string." : "must be an array of values."));
            }
        }
        if (values.TryGetValue("schema", out var schema) && schema.Count > 0 && !(schema is [var version] && version == Schema.ToString(CultureInfo.InvariantCulture)))
        {
            problems.Add(new("filter.schema", $"must be {Schema}, the version of this document Keel reads."));
        }
        return Build(values, "filter.", problems);
    }

    /// <summary>Reads /work's query parameters (other parameters are not this reader's business).</summary>
    public static QueueView FromQuery(Func<string, string?> parameter, List<QueueViewProblem> problems)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in Fields.Where(f => f != "schema"))
        {
            if (parameter(name) is { } text)
            {
                values[name] = name == "q" ? [text] : WorkFilterValues.Split(text).ToList();
            }
        }
        return Build(values, "", problems);
    }

    /// <summary>The query parameters of a view, leaving out what is the default, so addresses stay short.</summary>
    public static IReadOnlyDictionary<string, string?> ToQuery(QueueView view)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["kind"] = view.Kind.ToString().ToLowerInvariant(),
            ["queue"] = view.Queue.ToString().ToLowerInvariant(),
            ["state"] = view.States.Count > 0 ? string.Join(',', view.States) : null,
            ["priority"] = view.Priorities.Count > 0 ? string.Join(',', view.Priorities) : null,
            ["service"] = view.Services.Count > 0 ? string.Join(',', view.Services) : null,
            ["q"] = view.Q,
            ["sort"] = view.Sort == QueueView.DefaultSort ? null : view.Sort,
        };
        return query;
    }

    private static List<string>? Tokens(JsonElement value, bool scalar) => value.ValueKind switch
    {
        JsonValueKind.Null => [],
        JsonValueKind.String when scalar => [value.GetString()!],
        JsonValueKind.Number when scalar => [value.GetRawText()],
        JsonValueKind.Array when !scalar && value.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()!.Trim() : e.GetRawText()).ToList(),
        _ => null,
    };

    private static QueueView Build(Dictionary<string, List<string>> values, string prefix, List<QueueViewProblem> problems)
    {
        List<string> Of(string name) => values.GetValueOrDefault(name) ?? [];
        string? One(string name) => Of(name) is [var single] && !string.IsNullOrWhiteSpace(single) ? single.Trim() : null;
        void Problem(string name, string message) => problems.Add(new(prefix + name, message));

        var kind = WorkKind.Incident;
        if (One("kind") is { } kindText)
        {
            if (WorkFilterValues.Name<WorkKind>(kindText) is { } k && QueueView.Kinds.Contains(k))
            {
                kind = k;
            }
            else
            {
                Problem("kind", $"must be one of {string.Join(", ", QueueView.Kinds)}; '{kindText}' is not.");
            }
        }
        var queue = WorkQueue.Mine;
        if (One("queue") is { } queueText)
        {
            if (WorkFilterValues.Name<WorkQueue>(queueText) is { } q)
            {
                queue = q;
            }
            else
            {
                Problem("queue", $"must be one of {string.Join(", ", Enum.GetNames<WorkQueue>())}; '{queueText}' is not.");
            }
        }
        var states = Read<WorkState>(Of("state"), t => WorkFilterValues.State(t) is { } s && WorkQueries.IsStateOf(kind, s) ? s : null,
            bad => Problem("state", $"must be states of {kind.ToString().ToLowerInvariant()}s ({string.Join(", ", Workflows.For(kind).States)}); '{bad}' is not."));
        var priorities = Read<int>(Of("priority"), t => WorkFilterValues.Priority(t) is { } p && WorkQueries.IsPriority(p) ? p : null,
            bad => Problem("priority", $"must be numbers 1–4; '{bad}' is not."));
        var services = Read(Of("service"), t => WorkFilterValues.Id(t), bad => Problem("service", $"must be service ids; '{bad}' is not."));
        var text = One("q");
        if (text is { Length: > QueueView.QMaxLength })
        {
            Problem("q", $"must be at most {QueueView.QMaxLength} characters.");
            text = null;
        }
        var sort = QueueView.DefaultSort;
        if (One("sort") is { } sortText)
        {
            var field = WorkQueries.Pager.SortFields.FirstOrDefault(f => f.Equals(sortText.TrimStart('-'), StringComparison.OrdinalIgnoreCase));
            if (field is not null && sortText.LastIndexOf('-') <= 0)
            {
                sort = (sortText.StartsWith('-') ? "-" : "") + field;
            }
            else
            {
                Problem("sort", $"must be one of {string.Join(", ", WorkQueries.Pager.SortFields)} (prefix - for descending); '{sortText}' is not.");
            }
        }
        return new QueueView(kind, queue, Nullable(states), Nullable(priorities), Nullable(services), text, sort);
    }

    /// <summary>The good values of a list, without repeats; each bad one reported.</summary>
    private static List<T> Read<T>(List<string> tokens, Func<string, T?> parse, Action<string> bad) where T : struct
    {
        var values = new List<T>();
        foreach (var token in tokens)
        {
            if (parse(token) is { } value)
            {
                if (!values.Contains(value))
                {
                    values.Add(value);
                }
            }
            else
            {
                bad(token);
            }
        }
        return values;
    }

    private static IReadOnlyList<T>? Nullable<T>(List<T> values) => values.Count > 0 ? values : null;
}
