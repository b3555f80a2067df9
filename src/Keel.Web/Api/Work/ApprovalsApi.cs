using Keel.Application.Work;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Work;

public static class ApprovalsApi
{
    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/approvals").WithTags("Work");
        group.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("ListApprovals")
            .WithSummary("The caller's approvals; ?mine=pending for those waiting for a decision. IT staff may pass workItem=<id> for one item's approvals.");
        group.MapPost("/{id:guid}/decision", Decide).RequireAuthorization(Policies.SignedIn).WithName("DecideApproval")
            .WithSummary("Approve or reject: { approve: true|false, reason } (a reason is required to reject). Only the named approver decides, once.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<ApprovalView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, string? mine, Guid? workItem, ApprovalService approvals, CancellationToken ct)
    {
        if (mine is not (null or "pending" or "all"))
        {
            return Problem(Keel.Domain.Platform.Error.Validation("mine", "must be pending or all."));
        }
        return ApiResults.List(await approvals.ListAsync(mine == "pending", workItem, query.Page, ct));
    }

    private static async Task<Results<Ok<ApprovalView>, ProblemHttpResult>> Decide(Guid id, ApprovalDecision decision, ApprovalService approvals, CancellationToken ct) =>
        Ok(await approvals.DecideAsync(id, decision, ct));
}
