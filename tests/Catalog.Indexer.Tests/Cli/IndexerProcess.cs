using System.Diagnostics;

namespace Catalog.Indexer.Tests.Cli;

/// <summary>Runs the real catalog-indexer executable against a database, as a shell script would, capturing its output.</summary>
internal static class IndexerProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, IReadOnlyDictionary<string, string>? environment, string? standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "catalog-indexer.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Catalog"] = connectionString;
        start.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        if (standardInput is not null) await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
