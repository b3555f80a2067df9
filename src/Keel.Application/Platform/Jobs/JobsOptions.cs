using Microsoft.Extensions.Options;

namespace Keel.Application.Platform.Jobs;

/// <summary>Bound from <c>Keel:Jobs</c>. Every node enqueues; only nodes with <see cref="Enabled"/> run jobs.</summary>
public sealed class JobsOptions
{
    public const string Section = "Keel:Jobs";

    /// <summary>Run the worker on this node. Turn it off on nodes that should only serve requests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle worker looks for due jobs and recurring occurrences.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claim lasts without renewal. A running job renews it every third of this; a node killed mid-run
    /// stops renewing, so its job becomes claimable by another node at most this long after the last renewal.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most jobs this node claims and runs at the same time.</summary>
    public int BatchSize { get; set; } = 4;

    /// <summary>How long succeeded jobs stay visible to admins before the hourly clean-up deletes them.</summary>
    public TimeSpan RetainSucceededFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Shown as the lease owner; defaults to machine name and process id, unique per running process.</summary>
    public string? NodeName { get; set; }

    public string EffectiveNodeName =>
        string.IsNullOrWhiteSpace(NodeName) ? $"{Environment.MachineName}:{Environment.ProcessId}" : NodeName;

    public IEnumerable<string> Problems()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            yield return "Keel:Jobs:PollInterval must be positive.";
        }
        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            yield return "Keel:Jobs:LeaseDuration must be at least one second.";
        }
        if (BatchSize is < 1 or > 100)
        {
            yield return "Keel:Jobs:BatchSize must be between 1 and 100.";
        }
        if (RetainSucceededFor < TimeSpan.Zero)
        {
            yield return "Keel:Jobs:RetainSucceededFor must not be negative.";
        }
        if (EffectiveNodeName.Length > Domain.Platform.Jobs.Job.MaxLeaseOwnerLength)
        {
            yield return "Keel:Jobs:NodeName is too long.";
        }
    }
}

/// <summary>Refuses to start a node with nonsensical job settings, naming each problem.</summary>
internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
