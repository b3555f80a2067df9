using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Keel.E2E.Infrastructure;

/// <summary>
/// The real Keel, started from its build output in the Production environment (as an operator would run it),
/// on a free loopback port with a fresh SQLite database seeded with the tiny demo organization.
/// </summary>
public sealed class KeelServer : IAsyncDisposable
{
    public const string Password = "E2E-Password-2026";

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();

    private KeelServer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The app's SQLite file, for tests that must set up rows no page or endpoint creates yet.</summary>
    public string DatabasePath => Path.Combine(_folder, "keel.db");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <param name="smtpPort">A mail server on loopback the app sends to, with its mail job running every second.</param>
    public static async Task<KeelServer> StartAsync(int? smtpPort = null)
    {
        var web = WebOutput();
        var folder = Directory.CreateTempSubdirectory("keel-e2e-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "Keel.Web.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Keel"] = $"Data Source={Path.Combine(folder, "keel.db")}";
        start.Environment["Keel__Demo__Seed"] = "true";
        start.Environment["Keel__Demo__Profile"] = "tiny";
        start.Environment["Keel__Demo__Password"] = Password;
        start.Environment["Keel__PublicUrl"] = address.ToString().TrimEnd('/');
        // Surveys go out within seconds of a resolution, not the production five minutes.
        start.Environment["Keel__Experience__SurveySchedule"] = "every 2s";
        if (smtpPort is { } port)
        {
            start.Environment["Keel__Smtp__Host"] = "127.0.0.1";
            start.Environment["Keel__Smtp__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Keel__Smtp__Security"] = "None";
            start.Environment["Keel__Smtp__Schedule"] = "every 1s";
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Keel.Web.");
        var server = new KeelServer(process, folder, address);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Keel.Web exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Keel.Web did not become ready within 90 s:\n{Log}");
    }

    /// <summary>The Keel.Web build output of the same configuration as this test assembly.</summary>
    private static string WebOutput()
    {
        var here = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(here).Parent!.Name; // …/bin/Debug/net10.0/
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Keel.slnx")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException("Cannot find the repository root (Keel.slnx) above " + here);
        }
        var web = Path.Combine(root.FullName, "src", "Keel.Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(web, "Keel.Web.dll"))
            ? web
            : throw new InvalidOperationException($"Keel.Web is not built in {web}; build the solution first.");
    }

    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Keel.slnx")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean up
        }
    }
}
