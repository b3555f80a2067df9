using Keel.Application.Demo;
using Microsoft.Extensions.Configuration;

namespace Keel.Application.Tests.Demo;

public sealed class DemoPasswordTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "keel-demo-password-" + Guid.NewGuid().ToString("N"));

    private string PasswordFile => Path.Combine(folder, "data", "demo-password.txt");

    [Fact]
    public void Resolve_NothingConfigured_GeneratesAStrongPasswordIntoAnOwnerOnlyFile()
    {
        var resolved = DemoPassword.Resolve(Configuration(), folder);

        resolved.Source.ShouldBe(DemoPasswordSource.GeneratedFile);
        resolved.FilePath.ShouldBe(PasswordFile);
        File.ReadAllText(PasswordFile).Trim().ShouldBe(resolved.Password);
        resolved.Password.Length.ShouldBeGreaterThanOrEqualTo(16);
        resolved.Password.ShouldContain(c => char.IsUpper(c));
        resolved.Password.ShouldContain(c => char.IsLower(c));
        resolved.Password.ShouldContain(c => char.IsDigit(c));
        resolved.Password.ShouldContain(c => !char.IsLetterOrDigit(c));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(PasswordFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Resolve_FileFromAnEarlierStart_ReusesItsPassword()
    {
        var first = DemoPassword.Resolve(Configuration(), folder);

        var second = DemoPassword.Resolve(Configuration(), folder);

        second.Source.ShouldBe(DemoPasswordSource.ExistingFile);
        second.Password.ShouldBe(first.Password);
    }

    [Fact]
    public void Resolve_PasswordConfigured_WinsAndWritesNoFile()
    {
        DemoPassword.Resolve(Configuration(), folder);

        var resolved = DemoPassword.Resolve(Configuration("Configured-Pa55!"), folder);

        resolved.Source.ShouldBe(DemoPasswordSource.Configuration);
        resolved.Password.ShouldBe("Configured-Pa55!");
        resolved.FilePath.ShouldBeNull();
    }

    [Fact]
    public void Resolve_PasswordConfiguredOnAFreshMachine_CreatesNoFile()
    {
        DemoPassword.Resolve(Configuration("Configured-Pa55!"), folder);

        File.Exists(PasswordFile).ShouldBeFalse();
    }

    [Fact]
    public void Resolution_WhenLogged_NamesTheFileButNeverThePassword()
    {
        var resolved = DemoPassword.Resolve(Configuration(), folder);

        resolved.ToString().ShouldNotContain(resolved.Password);
        resolved.Describe().ShouldContain(PasswordFile);
        DemoPassword.Resolve(Configuration("Configured-Pa55!"), folder).ToString().ShouldNotContain("Configured-Pa55!");
    }

    [Fact]
    public void Generate_CalledTwice_GivesDifferentPasswords() =>
        DemoPassword.Generate().ShouldNotBe(DemoPassword.Generate());

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IConfiguration Configuration(string? password = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [DemoPassword.ConfigurationKey] = password })
        .Build();
}
