using System.Collections.Concurrent;
using Keel.Application.Platform.Jobs;

namespace Keel.Application.Tests.Jobs;

/// <summary>Every run of a <c>test.record</c> job, by job id, shared by all nodes of one test.</summary>
internal sealed class Executions
{
    private readonly ConcurrentDictionary<Guid, int> runs = new();
    private readonly ConcurrentDictionary<Guid, string> nodes = new();

    public IReadOnlyDictionary<Guid, int> Runs => runs;

    public IReadOnlyDictionary<Guid, string> Nodes => nodes;

    public int Total => runs.Values.Sum();

    public void Record(JobContext context)
    {
        runs.AddOrUpdate(context.JobId, 1, (_, n) => n + 1);
        nodes[context.JobId] = context.Node;
    }
}

/// <summary>Records that it ran, after a short pause so that runs on several nodes overlap.</summary>
internal sealed class RecordingJobHandler(Executions executions) : IJobHandler
{
    public const string JobType = "test.record";

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        executions.Record(context);
        await Task.Delay(2, cancellationToken);
    }
}
