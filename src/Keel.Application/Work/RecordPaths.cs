using Keel.Domain.Work;

namespace Keel.Application.Work;

/// <summary>The page that shows one work item to IT staff: the links in the UI and in notifications both use it.</summary>
public static class RecordPaths
{
    /// <summary>A problem has its own record page; every other kind opens on the workspace's record page.</summary>
    public static string Of(WorkKind kind, string number) =>
        kind == WorkKind.Problem ? $"/problems/{number}" : $"/work/{WorkNumber.ResourceOf(kind)}/{number}";
}
