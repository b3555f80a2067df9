using System.Diagnostics;
using System.Text;

namespace Keel.Application.Tests.Jobs;

/// <summary>
/// <c>keel</c> (src/Keel.Cli) as a separate OS process, built by the same build as the tests
/// (scripts/test.sh builds the whole solution). <c>KEEL_TEST_CLI</c> may name another keel.dll.
/// </summary>
internal sealed class KeelCliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private KeelCliProcess(Process process)
    {
        this.process = process;
    }

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static KeelCliProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(), // no appsettings.json of the repository's
        };
        start.ArgumentList.Add(CliPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var keel = new KeelCliProcess(new Process { StartInfo = start });
        keel.process.OutputDataReceived += (_, e) => keel.Append(e.Data);
        keel.process.ErrorDataReceived += (_, e) => keel.Append(e.Data);
        keel.process.Start();
        keel.process.BeginOutputReadLine();
        keel.process.BeginErrorReadLine();
        return keel;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to release its lease or finish anything.</summary>
    public async Task KillHardAsync()
    {
        process.Kill(entireProcessTree: false); // on Unix, Process.Kill sends SIGKILL
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string CliPath()
    {
        if (Environment.GetEnvironmentVariable("KEEL_TEST_CLI") is { Length: > 0 } configured)
        {
            return configured;
        }
        // …/tests/Keel.Application.Tests/bin/<Configuration>/<tfm>/ → …/src/Keel.Cli/bin/<Configuration>/<tfm>/keel.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, "src", "Keel.Cli", "bin", configuration, output.Name, "keel.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build the solution (scripts/test.sh does) or src/Keel.Cli first.");
    }
}
