using Keel.Domain.Work;

namespace Keel.Application.Platform.Notifications;

/// <summary>Where a message points: the portal for the person an item is for, the workspace for IT staff; absolute for e-mail.</summary>
public sealed class NotificationLinks(string publicUrl)
{
    public const string DefaultPublicUrl = "http://localhost:5080";

    /// <summary>A problem has its own record page; every other kind opens on the workspace's record page.</summary>
    public string PathOf(WorkKind kind, string number, bool forRequester) => (forRequester, kind) switch
    {
        (true, _) => $"/portal/items/{number}",
        (false, WorkKind.Problem) => $"/problems/{number}",
        _ => $"/work/{WorkNumber.ResourceOf(kind)}/{number}",
    };

    public string Absolute(string path) => publicUrl.TrimEnd('/') + path;
}
