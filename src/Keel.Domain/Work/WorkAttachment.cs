using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>A file on a work item, stored in the database so that every node and every backup sees it.</summary>
public sealed class WorkAttachment
{
    /// <summary>The default limit; the host may set a lower one, and keeps the request body limit above it so that a too-big file gets a clear 400.</summary>
    public const long DefaultMaxBytes = 8 * 1024 * 1024;
    public const int FileNameMaxLength = 255;

    /// <summary>What may be attached: documents, images, logs and archives; never executables or HTML (which would run in a browser).</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
        [".pdf"] = "application/pdf", [".txt"] = "text/plain", [".log"] = "text/plain", [".csv"] = "text/csv",
        [".json"] = "application/json", [".zip"] = "application/zip",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkItemId { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>Decided by the file's extension from <see cref="AllowedTypes"/>, never taken from the upload.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public Guid UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }

    /// <summary>Checks the name and size and sets <see cref="ContentType"/> from the extension.</summary>
    public void Validate(FieldErrors errors, long maxBytes = DefaultMaxBytes)
    {
        var name = Path.GetFileName(FileName ?? "");
        errors.Required("file", name, FileNameMaxLength);
        if (AllowedTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            ContentType = type;
            FileName = name;
        }
        else if (name.Length > 0)
        {
            errors.Add("file", $"must be one of {string.Join(", ", AllowedTypes.Keys)}.");
        }
        if (Size <= 0 || Size > maxBytes)
        {
            errors.Add("file", $"must hold between 1 byte and {maxBytes / 1024.0 / 1024.0:0.##} MB.");
        }
    }
}
