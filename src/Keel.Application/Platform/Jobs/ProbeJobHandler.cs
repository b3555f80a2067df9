using Keel.Domain.Platform.Jobs;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// Payload of <c>platform.probe</c>. <see cref="DelayMs"/>: how long an attempt runs (only the first
/// <see cref="DelayAttempts"/> attempts when set, for crash drills). <see cref="Fail"/>: every attempt fails;
/// <see cref="FailAttempts"/>: only the first n attempts fail, so retries can be watched ending in success.
/// </summary>
public sealed record ProbePayload
{
    public const int MaxDelayMs = 10 * 60 * 1000;

    public int DelayMs { get; init; }
    public int? DelayAttempts { get; init; }
    public bool Fail { get; init; }
    public int? FailAttempts { get; init; }

    public bool WaitsOn(int attempt) => DelayMs > 0 && (DelayAttempts is null || attempt <= DelayAttempts);

    public bool FailsOn(int attempt) => FailAttempts is { } failing ? attempt <= failing : Fail;
}

/// <summary>A harmless job that waits and/or fails on request, so admins and tests can exercise the queue end to end.</summary>
internal sealed class ProbeJobHandler(TimeProvider time) : IJobHandler
{
    public const string JobType = "platform.probe";

    public string Type => JobType;

    /// <summary>Quick retries so that a failing probe reaches the dead-letter state within a minute.</summary>
    public RetryPolicy RetryPolicy { get; } = new(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var probe = context.ReadPayload<ProbePayload>();
        if (probe.WaitsOn(context.Attempt))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(probe.DelayMs, ProbePayload.MaxDelayMs)), time, cancellationToken);
        }
        if (probe.FailsOn(context.Attempt))
        {
            throw new ProbeFailedException($"Probe failed on attempt {context.Attempt}, as its payload asked.");
        }
    }
}

public sealed class ProbeFailedException(string message) : Exception(message);
