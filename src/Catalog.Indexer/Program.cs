using System.CommandLine;
using Catalog.Indexer.Commands;

// Piped into a file or a CI log: no colours, and lines long enough that paths and errors are not wrapped mid-word.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Capabilities.Ansi = false;
    Spectre.Console.AnsiConsole.Profile.Width = 240;
}

var configuration = Catalog.Indexer.IndexerHost.Configuration(args);

var root = new RootCommand("catalog-indexer: harvests metadata sources into the catalog")
{
    HarvestCommands.Harvest(configuration),
    HarvestCommands.Watch(configuration),
    MaintenanceCommands.Replay(configuration),
    MaintenanceCommands.Status(configuration),
    MaintenanceCommands.Migrate(configuration),
    ServeCommand.Create(configuration),
    GovernanceCommands.Users(configuration),
    GovernanceCommands.Audit(configuration),
    GenerateCommand.Create(configuration),
};

return await root.Parse(args).InvokeAsync();
