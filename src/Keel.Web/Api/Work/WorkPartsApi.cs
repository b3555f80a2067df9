using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Work;

/// <summary>Attachments and links under each work item (<c>/{kind}/{number}/attachments</c>, <c>/links</c>).</summary>
internal static class WorkPartsApi
{
    public static void MapParts(RouteGroupBuilder group, WorkKind kind, string path, string readPolicy)
    {
        var name = kind.ToString();
        group.MapGet("/{number}/attachments", (string number, AttachmentService files, CancellationToken ct) => ListFilesAsync(kind, number, files, ct))
            .RequireAuthorization(readPolicy).WithName($"List{name}Attachments").WithSummary("The files on the item (names, types, sizes).");
        group.MapPost("/{number}/attachments", (string number, HttpRequest request, IConfiguration configuration, AttachmentService files, CancellationToken ct) =>
                AddFileAsync(kind, path, number, request, configuration, files, ct))
            .RequireAuthorization(readPolicy).DisableAntiforgery().WithName($"Add{name}Attachment")
            .WithSummary("Upload one file as multipart/form-data field 'file'. Allowed: images, PDF, text, CSV, JSON, ZIP, Word and Excel; 8 MB at most (Keel:Limits:MaxAttachmentBytes).");
        group.MapGet("/{number}/attachments/{id:guid}", (string number, Guid id, HttpContext http, AttachmentService files, CancellationToken ct) => FileAsync(kind, number, id, http, files, ct))
            .RequireAuthorization(readPolicy).WithName($"Get{name}Attachment").WithSummary("Download a file (always as an attachment, never rendered inline).");
        group.MapGet("/{number}/links", (string number, LinkService links, CancellationToken ct) => ListLinksAsync(kind, number, links, ct))
            .RequireAuthorization(Policies.Staff).WithName($"List{name}Links").WithSummary("Links to other work, both ways: CausedBy, DuplicateOf, RelatedTo.");
        group.MapPost("/{number}/links", (string number, LinkDraft draft, LinkService links, CancellationToken ct) => AddLinkAsync(kind, path, number, draft, links, ct))
            .RequireAuthorization(Policies.Staff).WithName($"Add{name}Link").WithSummary("Link to another item: { type: CausedBy | RelatedTo, number }.");
        group.MapDelete("/{number}/links/{id:guid}", (string number, Guid id, LinkService links, CancellationToken ct) => RemoveLinkAsync(kind, number, id, links, ct))
            .RequireAuthorization(Policies.Staff).WithName($"Remove{name}Link").WithSummary("Remove a link (duplicate links stay).");
    }

    private static async Task<Results<Ok<ListResponse<AttachmentView>>, ProblemHttpResult>> ListFilesAsync(WorkKind kind, string number, AttachmentService files, CancellationToken ct) =>
        All(await files.ListAsync(kind, number, ct));

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> AddFileAsync(
        WorkKind kind, string path, string number, HttpRequest request, IConfiguration configuration, AttachmentService files, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Problem(Error.Validation("file", "is required: send multipart/form-data with a field named 'file'."));
        }
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file || form.Files.Count != 1)
        {
            return Problem(Error.Validation("file", "is required: exactly one file in a field named 'file'."));
        }
        var max = AttachmentLimit.Of(configuration);
        await using var content = file.OpenReadStream();
        return Created(await files.AddAsync(kind, number, file.FileName, content, max, ct), a => $"/api/v1/{path}/{number.ToUpperInvariant()}/attachments/{a.Id}");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(WorkKind kind, string number, Guid id, HttpContext http, AttachmentService files, CancellationToken ct)
    {
        var file = await files.ContentAsync(kind, number, id, ct);
        if (!file.IsSuccess)
        {
            return Problem(file.Error!);
        }
        // The browser must not guess a type (a "text" file holding HTML would run as a page on Keel's origin).
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(file.Value!.Content, file.Value.ContentType, file.Value.FileName);
    }

    private static async Task<Results<Ok<ListResponse<LinkView>>, ProblemHttpResult>> ListLinksAsync(WorkKind kind, string number, LinkService links, CancellationToken ct) =>
        All(await links.ListAsync(kind, number, ct));

    private static async Task<Results<Created<LinkView>, ProblemHttpResult>> AddLinkAsync(WorkKind kind, string path, string number, LinkDraft draft, LinkService links, CancellationToken ct) =>
        Created(await links.AddAsync(kind, number, draft, ct), l => $"/api/v1/{path}/{number.ToUpperInvariant()}/links/{l.Id}");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveLinkAsync(WorkKind kind, string number, Guid id, LinkService links, CancellationToken ct) =>
        NoContent(await links.RemoveAsync(kind, number, id, ct));
}
