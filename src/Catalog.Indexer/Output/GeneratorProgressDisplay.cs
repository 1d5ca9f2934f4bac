using Catalog.Generator;
using Spectre.Console;

namespace Catalog.Indexer.Output;

/// <summary>One Spectre progress bar per generation stage; plain "stage: done/total" lines when output is redirected.</summary>
internal static class GeneratorProgressDisplay
{
    public static async Task<T> RunAsync<T>(Func<IProgress<GeneratorProgress>, Task<T>> work)
    {
        if (!ProgressDisplay.Interactive)
        {
            var lastLine = "";
            return await work(new Synchronous(p =>
            {
                var line = $"{p.Stage}: {p.Done * 4 / Math.Max(1, p.Total) * 25}%";
                if (line == lastLine) return;
                lastLine = line;
                Console.WriteLine($"{p.Stage}: {p.Done:N0}/{p.Total:N0}");
            }));
        }
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                result = await work(new Synchronous(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        foreach (var earlier in tasks.Values) earlier.Value = earlier.MaxValue;
                        tasks[p.Stage] = task = context.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total));
                    }
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        return result;
    }

    // Reports in order, at once (Progress<T> posts to the thread pool and can report after the work finished).
    private sealed class Synchronous(Action<GeneratorProgress> report) : IProgress<GeneratorProgress>
    {
        private readonly Lock gate = new();

        public void Report(GeneratorProgress value)
        {
            lock (gate) report(value);
        }
    }
}
