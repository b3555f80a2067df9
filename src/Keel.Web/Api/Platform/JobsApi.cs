using Keel.Application.Platform.Jobs;
using Keel.Application.Platform.Paging;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Platform;

/// <summary>The background job queue for admins: what is queued, running, done or dead-lettered, and a way to try it.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/jobs").WithTags("Platform").RequireAuthorization(Policies.Admin);
        group.MapGet("", List).WithName("ListJobs")
            .WithSummary("Background jobs, filterable by state (e.g. state=DeadLetter or state=Queued,Running) and type; sort createdAt or runAt.");
        group.MapGet("/{id:guid}", Get).WithName("GetJob").WithSummary("One background job, with its last error.");
        group.MapPost("/{id:guid}/retry", Retry).WithName("RetryJob")
            .WithSummary("Queue a dead-lettered job again with a fresh set of attempts; 409 for a job in any other state.");
        group.MapPost("/probe", Probe).WithName("EnqueueProbeJob")
            .WithSummary("Enqueue a harmless platform.probe job: { delayMs, delayAttempts, fail, failAttempts }, all optional.");
        return app;
    }

    public sealed record JobListQuery
    {
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
        public string? Sort { get; init; }
        /// <summary>Comma-separated job states: Queued, Running, Succeeded, DeadLetter.</summary>
        public string? State { get; init; }

        /// <summary>A job type, e.g. platform.probe.</summary>
        public string? Type { get; init; }

        public PageRequest Page => new(Limit, Cursor, Sort);
    }

    private static async Task<Results<Ok<ListResponse<JobView>>, ProblemHttpResult>> List(
        [AsParameters] JobListQuery query, JobAdminService jobs, CancellationToken ct)
    {
        var result = await jobs.ListAsync(query.State, query.Type, query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<JobView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> Get(Guid id, JobAdminService jobs, CancellationToken ct)
    {
        var result = await jobs.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> Retry(Guid id, JobAdminService jobs, CancellationToken ct)
    {
        var result = await jobs.RetryAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Created<JobView>, ProblemHttpResult>> Probe(ProbePayload? probe, JobAdminService jobs, CancellationToken ct)
    {
        var result = await jobs.EnqueueProbeAsync(probe ?? new ProbePayload(), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/admin/jobs/{result.Value!.Id}", result.Value)
            : ApiResults.Problem(result.Error!);
    }
}
