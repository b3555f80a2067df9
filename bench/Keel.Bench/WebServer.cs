using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Keel.Bench;

/// <summary>
/// The built Keel.Web (the bench's own configuration, so Release under <c>dotnet run -c Release</c>) started as a child
/// process in the Production environment on a free loopback port, against an already migrated and seeded database.
/// Disposing stops that one process.
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WebServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<WebServer> StartAsync(string connection)
    {
        var web = WebOutput();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "Keel.Web.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Keel"] = connection;
        start.Environment["Keel__Database__Provider"] = "Sqlite";
        start.Environment["Keel__Database__MigrateOnStartup"] = "false";
        start.Environment["Keel__Demo__Seed"] = "false";
        start.Environment["Keel__PublicUrl"] = address.ToString().TrimEnd('/');
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Keel.Web.");
        var server = new WebServer(process, address);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ready = Stopwatch.StartNew();
        await server.WaitUntilReadyAsync();
        Console.WriteLine($"  Keel.Web ({new DirectoryInfo(web).Parent!.Name}) ready at {address} in {ready.Elapsed.TotalSeconds:F1} s");
        return server;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Keel.Web exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
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
        throw new TimeoutException($"Keel.Web did not become ready within 120 s:\n{Log}");
    }

    /// <summary>src/Keel.Web/bin/&lt;configuration&gt;/net10.0, the configuration being the bench's own (…/bin/Release/net10.0/).</summary>
    private static string WebOutput()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Keel.slnx")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException("Cannot find the repository root (Keel.slnx) above " + here.FullName);
        }
        var web = Path.Combine(root.FullName, "src", "Keel.Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(web, "Keel.Web.dll"))
            ? web
            : throw new InvalidOperationException($"Keel.Web is not built in {web}.");
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
    }
}
