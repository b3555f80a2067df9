using Keel.Application.Work;
using Keel.Domain.Work;

namespace Keel.Application.Platform.Notifications;

/// <summary>Where a message points: the portal for the person an item is for, the workspace for IT staff; absolute for e-mail.</summary>
public sealed class NotificationLinks(string publicUrl)
{
    public const string DefaultPublicUrl = "http://localhost:5080";

    public string PathOf(WorkKind kind, string number, bool forRequester) =>
        forRequester ? $"/portal/items/{number}" : RecordPaths.Of(kind, number);

    public string Absolute(string path) => publicUrl.TrimEnd('/') + path;
}
