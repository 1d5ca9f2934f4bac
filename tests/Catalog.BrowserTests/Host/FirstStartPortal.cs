using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Catalog.Storage;
using Microsoft.Playwright;

namespace Catalog.BrowserTests.Host;

/// <summary>
/// The portal a newcomer meets: the repository's files copied to a fresh folder (<c>git ls-files</c> of the working
/// tree, so no build output, no <c>.catalog/</c> and no <c>node_modules</c> come along), started with the README's
/// <c>./catalog.sh start</c> on a free loopback port — Production, the embedded PostgreSQL in the copy's
/// <c>.catalog/postgres</c>, the sample catalog seeded. Disposing stops the portal and the embedded cluster
/// (<c>./catalog.sh stop-db</c>) and deletes the copy; every wait is bounded.
/// </summary>
/// <remarks>
/// To keep CI within its budget the copy reuses the portal's build output from this run of the suite (copied into
/// the copy's <c>src/Catalog.Web/bin</c>, started with <c>CATALOG_NO_BUILD=1</c>, which makes <c>./catalog.sh start</c>
/// run <c>dotnet run --no-build</c>): the same binaries a fresh clone's first <c>dotnet run</c> would build, without
/// building them a second time. <c>CATALOG_SMOKE_FRESH_BUILD=1</c> skips the reuse, so the copy builds exactly as a
/// fresh clone does (npm ci and all; minutes longer).
/// </remarks>
public sealed class FirstStartPortal : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> log = new();
    private Process? portal;
    private IPlaywright? playwright;

    public string Copy { get; } = Directory.CreateTempSubdirectory("catalog-first-start-").FullName;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>What the portal printed so far, for assertion messages.</summary>
    public string Log => string.Join('\n', log.TakeLast(80));

    public async Task InitializeAsync()
    {
        var root = RepositoryPaths.FindRoot() ?? throw new InvalidOperationException("The repository (Catalog.sln) was not found above the test's folder.");
        await CopyWorkingTreeAsync(root, Copy);
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var reuseBuild = Environment.GetEnvironmentVariable("CATALOG_SMOKE_FRESH_BUILD") is null or "" or "0";
        if (reuseBuild) CopyDirectory(Path.Combine(root, "src", "Catalog.Web", "bin", configuration), Path.Combine(Copy, "src", "Catalog.Web", "bin", configuration));

        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        portal = Start(Copy, BaseUrl, configuration, reuseBuild);
        await WaitUntilAnsweringAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await PortalFixture.LaunchChromiumAsync(playwright);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (portal is not null)
        {
            if (!portal.HasExited) portal.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(StopTimeout);
            try { await portal.WaitForExitAsync(wait.Token); } catch (OperationCanceledException) { }
            portal.Dispose();
        }
        // The embedded cluster runs detached from the portal (it outlives a portal restart): stop it the README's way.
        await RunAsync(Copy, "bash", ["./catalog.sh", "stop-db"], StopTimeout);
        try { Directory.Delete(Copy, recursive: true); }
        catch (IOException) { } // a file still held open; the folder is in the temp directory
        catch (UnauthorizedAccessException) { }
    }

    // Tracked files plus untracked ones that are not ignored: the working tree a developer would commit, as a clone.
    private static async Task CopyWorkingTreeAsync(string root, string target)
    {
        var (exit, output, error) = await RunAsync(root, "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], TimeSpan.FromMinutes(1));
        if (exit != 0) throw new InvalidOperationException("git ls-files failed in " + root + ": " + error);
        foreach (var file in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(root, file);
            if (!File.Exists(source)) continue; // deleted in the working tree, not yet committed
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        if (!Directory.Exists(source)) throw new InvalidOperationException($"No build output in {source}: build the solution first, or set CATALOG_SMOKE_FRESH_BUILD=1.");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(string copy, string url, string configuration, bool reuseBuild)
    {
        var start = new ProcessStartInfo("bash", ["./catalog.sh", "start"])
        {
            WorkingDirectory = copy,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A newcomer's shell: no environment name, no connection string, no catalog settings from this test run.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_URLS" or "DOTNET_URLS"
                || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Catalog__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Plugins__", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        }
        start.Environment["CATALOG_URLS"] = url;
        start.Environment["CATALOG_CONFIGURATION"] = configuration;
        if (reuseBuild) start.Environment["CATALOG_NO_BUILD"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The portal listens only once migrations and sample seeding are done, so the first answer means "ready".
    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (!deadline.IsCancellationRequested)
        {
            if (portal!.HasExited) throw new InvalidOperationException($"./catalog.sh start exited with {portal.ExitCode}:\n{Log}");
            try
            {
                var response = await client.GetAsync(BaseUrl + "/healthz", deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            try { await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token); } catch (OperationCanceledException) { }
        }
        throw new TimeoutException($"The portal did not answer on {BaseUrl} within {StartTimeout}:\n{Log}");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string directory, string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", $"{program} did not finish within {timeout}");
        }
        return (process.ExitCode, await output, await error);
    }
}
