namespace Keel.Application.Demo;

public enum DemoPasswordSource
{
    /// <summary>Taken from <c>Keel:Demo:Password</c>.</summary>
    Configuration,

    /// <summary>Read from the password file a previous start wrote.</summary>
    ExistingFile,

    /// <summary>Generated now and written to the password file.</summary>
    GeneratedFile,
}

/// <summary>
/// The demo password and where it came from. <see cref="ToString"/> and <see cref="Describe"/> never contain
/// the password, so the resolution can be logged as a whole.
/// </summary>
public sealed class DemoPasswordResolution(string password, DemoPasswordSource source, string? filePath)
{
    public string Password { get; } = password;
    public DemoPasswordSource Source { get; } = source;

    /// <summary>The password file, when the password lives in one.</summary>
    public string? FilePath { get; } = filePath;

    /// <summary>A log-safe sentence: where a person finds the password.</summary>
    public string Describe() => Source switch
    {
        DemoPasswordSource.Configuration => $"the demo password comes from configuration ({DemoPassword.ConfigurationKey})",
        DemoPasswordSource.ExistingFile => $"the demo password is in {FilePath}",
        DemoPasswordSource.GeneratedFile => $"a demo password was generated and written to {FilePath}",
        _ => throw new InvalidOperationException($"Unknown password source {Source}."),
    };

    public override string ToString() => Describe();
}
