using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, Ref UploadedBy, DateTime UploadedAt);

public sealed record AttachmentContent(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Files on work items, kept in the database. Whoever may open the item may add and read its files; the type comes
/// from the allow-list by extension, never from the upload, and a file over the limit is refused before it is stored.
/// </summary>
public sealed class AttachmentService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work)
{
    public const int MaxPerItem = 100;

    public async Task<Result<IReadOnlyList<AttachmentView>>> ListAsync(WorkKind kind, string number, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var rows = await db.Set<WorkAttachment>().Where(a => a.WorkItemId == item.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.UploadedById, a.UploadedAt }).ToListAsync(ct);
        var names = await db.DisplayNamesAsync(rows.Select(r => r.UploadedById), ct);
        return rows.Select(r => new AttachmentView(r.Id, r.FileName, r.ContentType, r.Size, new Ref(r.UploadedById, names.GetValueOrDefault(r.UploadedById, "")), r.UploadedAt)).ToList();
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> + 1 bytes of <paramref name="content"/>: a bigger file is refused without being buffered whole.</summary>
    public async Task<Result<AttachmentView>> AddAsync(WorkKind kind, string number, string? fileName, Stream content, long maxBytes, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: true, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        var attachment = new WorkAttachment
        {
            WorkItemId = item.Id, FileName = fileName ?? "", Size = buffer.Length, UploadedById = user.UserId ?? Guid.Empty,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        var errors = new FieldErrors();
        attachment.Validate(errors, maxBytes);
        if (!errors.Any && await db.Set<WorkAttachment>().CountAsync(a => a.WorkItemId == item.Id, ct) >= MaxPerItem)
        {
            errors.Add("file", $"an item holds at most {MaxPerItem} files.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        attachment.Content = buffer.ToArray();
        db.Add(attachment);
        item.Events.Add(new WorkEvent { WorkItemId = item.Id, At = attachment.UploadedAt, ActorId = user.UserId, Type = WorkEventType.Attached, Detail = attachment.FileName });
        item.UpdatedAt = attachment.UploadedAt;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }
        var names = await db.DisplayNamesAsync([attachment.UploadedById], ct);
        return new AttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size,
            new Ref(attachment.UploadedById, names.GetValueOrDefault(attachment.UploadedById, "")), attachment.UploadedAt);
    }

    public async Task<Result<AttachmentContent>> ContentAsync(WorkKind kind, string number, Guid id, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var file = await db.Set<WorkAttachment>().Where(a => a.Id == id && a.WorkItemId == item.Id)
            .Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Content)).FirstOrDefaultAsync(ct);
        return file is null ? Error.NotFound("The attachment") : file;
    }
}
