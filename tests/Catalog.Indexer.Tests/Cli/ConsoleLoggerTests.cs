using System.Text.RegularExpressions;
using Catalog.Indexer.Output;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Catalog.Indexer.Tests.Cli;

/// <summary>The indexer's log lines and its progress bars share one terminal without tearing each other.</summary>
public sealed partial class ConsoleLoggerTests
{
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [Fact]
    public async Task A_line_logged_while_a_progress_bar_is_drawn_comes_out_whole_on_a_line_of_its_own()
    {
        var terminal = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(terminal),
        });
        using var provider = new ConsoleLoggerProvider(console, interactive: true);
        var logger = provider.CreateLogger("Catalog.Harvesting.HarvestRunner");

        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("openlineage events", maxValue: 10);
            for (var i = 0; i < 10; i++)
            {
                task.Increment(1);
                if (i == 5) logger.LogWarning("Input {File} skipped: unreadable", "events/bad.json");
                await Task.Delay(1);
            }
        });

        var lines = AnsiEscape().Replace(terminal.ToString(), "").Split('\n').Select(l => l.TrimEnd('\r').Trim()).ToList();
        Assert.Contains("warn: Catalog.Harvesting.HarvestRunner Input events/bad.json skipped: unreadable", lines);
    }
}
