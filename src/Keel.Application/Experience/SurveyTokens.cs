using System.Buffers.Text;
using System.Security.Cryptography;
using Keel.Domain.Experience;

namespace Keel.Application.Experience;

/// <summary>
/// The key in a survey's link: 24 random bytes from the operating system's generator, written as 32 URL-safe base64
/// characters (192 bits), so a token cannot be guessed and answers nothing but its own survey.
/// </summary>
public static class SurveyTokens
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Survey.TokenLength * 3 / 4];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Whether <paramref name="token"/> could be a token at all; anything else is unknown without a query.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Survey.TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
