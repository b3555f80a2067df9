namespace Keel.Web.Components.Pages.Platform;

/// <summary>Where to go after signing in: only a path on this site, never another host (no open redirect).</summary>
public static class ReturnUrls
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    public static string LocalOrHome(string? url) => IsLocal(url) ? url! : "/";
}
