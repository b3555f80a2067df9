namespace Keel.Web.Components.Shared;

/// <summary>Enum names as people read them.</summary>
public static class Words
{
    /// <summary>
    /// "ResolvedByCaller" becomes "Resolved by caller". A capital starts a new word only when a small letter comes
    /// before it and after it, so "SaaS" stays "SaaS".
    /// </summary>
    public static string FromPascal(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            var startsWord = i > 0 && char.IsUpper(c) && char.IsLower(pascal[i - 1]) && i + 1 < pascal.Length && char.IsLower(pascal[i + 1]);
            text.Append(startsWord ? " " + char.ToLowerInvariant(c) : c.ToString());
        }
        return text.ToString();
    }
}
