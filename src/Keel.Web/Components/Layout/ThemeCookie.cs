namespace Keel.Web.Components.Layout;

/// <summary>
/// The light/dark choice lives in a cookie that the browser sets (keel.js) and the server reads, so that
/// statically rendered pages (login) and the first render of every page already have the right colours.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "keel.theme";
    public const string Dark = "dark";
    public const string Light = "light";

    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies[Name] is Dark;
}
