using Keel.Domain.Work;

namespace Keel.Web.Api.Work;

/// <summary>The largest file people may attach (Keel:Limits:MaxAttachmentBytes), read the same way by the API and the pages.</summary>
public static class AttachmentLimit
{
    public static long Of(IConfiguration configuration) =>
        configuration.GetValue<long?>("Keel:Limits:MaxAttachmentBytes") ?? WorkAttachment.DefaultMaxBytes;
}
