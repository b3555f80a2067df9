using System.Text.Json;

namespace Keel.Application.Platform.Jobs;

/// <summary>What a handler knows about the attempt it runs.</summary>
public sealed record JobContext(Guid JobId, string Type, string Payload, int Attempt, string Node)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The payload as <typeparamref name="T"/> (camelCase JSON, matched case-insensitively).</summary>
    public T ReadPayload<T>() where T : new() => JsonSerializer.Deserialize<T>(Payload, Json) ?? new T();
}
