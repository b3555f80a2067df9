namespace Keel.Domain.Services.Configuration;

/// <summary>
/// The kinds of configuration item. The set is open: an organization adds its own (LoadBalancer, Printer…),
/// so the type is a string; these are the well-known names the UI offers first and the importer recognizes.
/// </summary>
public static class CiTypes
{
    public const string Application = nameof(Application);
    public const string Server = nameof(Server);
    public const string VirtualMachine = nameof(VirtualMachine);
    public const string Database = nameof(Database);
    public const string NetworkDevice = nameof(NetworkDevice);
    public const string CloudResource = nameof(CloudResource);
    public const string SaaS = nameof(SaaS);
    public const string EndUserDevice = nameof(EndUserDevice);
    public const string Storage = nameof(Storage);
    public const string Middleware = nameof(Middleware);

    public const int MaxLength = 50;

    public static readonly IReadOnlyList<string> WellKnown =
    [
        Application, Server, VirtualMachine, Database, NetworkDevice, CloudResource, SaaS, EndUserDevice,
        Storage, Middleware,
    ];

    /// <summary>
    /// A type name is PascalCase letters and digits (e.g. LoadBalancer). A name that matches a well-known one
    /// in another case comes back in the well-known spelling, so "server" and "Server" never become two types.
    /// </summary>
    public static bool TryNormalize(string? name, out string normalized)
    {
        normalized = "";
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength
            || !char.IsAsciiLetter(trimmed[0]) || !trimmed.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }
        var known = WellKnown.FirstOrDefault(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
        normalized = known ?? char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return true;
    }
}
