using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Keel.Application.Demo;

/// <summary>
/// The one password of every demo account: configured, or generated once and kept in
/// <c>data/demo-password.txt</c> (readable by the owner only) so that restarts keep it.
/// </summary>
public static class DemoPassword
{
    public const string ConfigurationKey = "Keel:Demo:Password";
    public const string RelativeFilePath = "data/demo-password.txt";

    private const int GeneratedLength = 20;
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    // Symbols that need no quoting in a shell or a JSON string.
    private const string Symbols = "-_.+=@%";

    public static DemoPasswordResolution Resolve(IConfiguration configuration, string baseFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(baseFolder);
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DemoPasswordResolution(configured, DemoPasswordSource.Configuration, filePath: null);
        }

        var path = Path.GetFullPath(Path.Combine(baseFolder, RelativeFilePath));
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                RestrictToOwner(path);
                return new DemoPasswordResolution(existing, DemoPasswordSource.ExistingFile, path);
            }
        }

        var generated = Generate();
        Write(path, generated);
        return new DemoPasswordResolution(generated, DemoPasswordSource.GeneratedFile, path);
    }

    /// <summary>A random password that passes Identity's default rules (upper, lower, digit, symbol).</summary>
    public static string Generate()
    {
        const string all = Lower + Upper + Digits + Symbols;
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(all, GeneratedLength);
            if (candidate.Any(Lower.Contains) && candidate.Any(Upper.Contains)
                && candidate.Any(Digits.Contains) && candidate.Any(Symbols.Contains))
            {
                return candidate;
            }
        }
    }

    private static void Write(string path, string password)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created owner-only, so the password is never readable by others, not even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.WriteLine(password);
        }
        RestrictToOwner(path);
    }

    // UnixCreateMode only applies to new files: an existing file that others can read is tightened.
    private static void RestrictToOwner(string path)
    {
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~ownerOnly) != 0)
        {
            File.SetUnixFileMode(path, ownerOnly);
        }
    }
}
