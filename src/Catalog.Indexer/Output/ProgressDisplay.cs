using Catalog.Plugins.Harvesting;
using Spectre.Console;

namespace Catalog.Indexer.Output;

/// <summary>Spectre progress bars when a person is watching; plain "n/total" lines (every 10%) when output is redirected.</summary>
internal static class ProgressDisplay
{
    public static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    public static async Task<T> RunAsync<T>(string title, Func<IProgress<HarvestProgress>, Task<T>> work)
    {
        if (!Interactive)
        {
            var lastDecile = -1;
            return await work(new SynchronousProgress(p =>
            {
                if (p.Total is not > 0) return;
                var decile = p.Done * 10 / p.Total.Value;
                if (decile == lastDecile) return;
                lastDecile = decile;
                Console.WriteLine($"{title}: {p.Done}/{p.Total} inputs");
            }));
        }
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = await work(new SynchronousProgress(p =>
                {
                    if (p.Total is > 0) task.MaxValue = p.Total.Value;
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    // Progress<T> posts to the thread pool and can report after the work finished; this reports in order, at once.
    private sealed class SynchronousProgress(Action<HarvestProgress> report) : IProgress<HarvestProgress>
    {
        private readonly Lock gate = new();

        public void Report(HarvestProgress value)
        {
            lock (gate) report(value);
        }
    }
}
