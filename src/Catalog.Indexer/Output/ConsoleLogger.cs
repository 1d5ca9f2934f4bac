using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Catalog.Indexer.Output;

/// <summary>
/// Log lines that do not tear the progress display. Microsoft's console logger writes to the terminal from its own
/// thread, in the middle of the lines Spectre redraws, so a log line and a progress bar ended up on one line. On a
/// terminal this writes through Spectre's console instead, which prints the line above a live progress display and
/// redraws the bars below it; redirected, each entry is one plain line on stderr (never wrapped, so paths stay
/// searchable) and stdout keeps the summary for scripts.
/// </summary>
internal sealed class ConsoleLoggerProvider(IAnsiConsole console, bool interactive) : ILoggerProvider
{
    private readonly Lock gate = new();

    public ConsoleLoggerProvider() : this(AnsiConsole.Console, ProgressDisplay.Interactive) { }

    public ILogger CreateLogger(string categoryName) => new ConsoleLogger(this, categoryName);

    public void Dispose() { }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{Label(level)}: {category} {message}";
        if (exception is not null) line += Environment.NewLine + exception;
        lock (gate)
        {
            if (interactive) console.Write(new Text(line + Environment.NewLine, Style(level)));
            else Console.Error.WriteLine(line);
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private static Style Style(LogLevel level) => level switch
    {
        >= LogLevel.Error => new Style(Color.Red),
        LogLevel.Warning => new Style(Color.Yellow),
        _ => new Style(Color.Grey),
    };

    private sealed class ConsoleLogger(ConsoleLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
