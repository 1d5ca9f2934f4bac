using System.Diagnostics;

namespace Catalog.Storage.Embedded;

/// <summary>Runs a command to completion and captures its output; throws with that output when it fails.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, bool throwOnFailure = true)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // pg_ctl's server inherits these handles; without redirecting stdin the server can hold our pipes open.
        info.RedirectStandardInput = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout + await stderr).Trim();
        if (throwOnFailure && process.ExitCode != 0)
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', info.ArgumentList)}' failed with exit code {process.ExitCode}: {output}");
        return (process.ExitCode, output);
    }
}
