using Catalog.Plugins.Lineage.Api;
using Catalog.Plugins.Lineage.Components;
using Catalog.Plugins.Lineage.Queries;
using Catalog.Plugins.Lineage.Snapshot;
using Catalog.Plugins.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Lineage;

/// <summary>
/// Lineage: the graph around datasets and jobs (entity tab and Marquez-compatible API), column lineage,
/// impact analysis with owners to notify, and run-level provenance of partitions. See README.md.
/// </summary>
public sealed class LineagePlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("lineage", "Lineage", "Lineage graph, column lineage, impact analysis and partition provenance.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services.AddOptions<LineageOptions>().Bind(plugin.Configuration).ValidateOnStart();
        plugin.Services.AddSingleton<IValidateOptions<LineageOptions>, LineageOptionsValidator>();
        plugin.Services.TryAddSingleton(TimeProvider.System);
        plugin.Services.AddSingleton<LineageSnapshotLoader>();
        plugin.Services.AddSingleton<LineageSnapshotStore>();
        plugin.Services.AddSingleton<ILineageGraphSource, SnapshotGraphSource>();
        plugin.Services.AddSingleton<SqlTopology>();
        plugin.Services.AddSingleton<ILineageTopology, LineageTopology>();
        plugin.Services.AddSingleton<EntityDetailsLoader>();
        plugin.Services.AddSingleton<DirectNeighboursLoader>();
        plugin.Services.AddSingleton<LineageService>();
        plugin.Services.AddSingleton<ColumnLineageService>();
        plugin.Services.AddSingleton<ProvenanceService>();
        plugin.Services.AddSingleton<Analytics.LineageCycleService>();

        plugin.AddEntityTab(new EntityTab("lineage", "Lineage", EntityFilter.Parse("kind:dataset,job"), typeof(LineageTab)) { Order = 20 });
        plugin.AddNavItem(new NavItem("Impact analysis", "/lineage/impact") { Order = 30, Icon = "git-fork", Audience = "Engineers changing a dataset or job" });
        plugin.AddNavItem(new NavItem("How are they connected?", "/lineage/path") { Order = 30, Icon = "route", Audience = "Anyone tracing data between two datasets" });
        plugin.AddNavItem(new NavItem("Lineage cycles", "/lineage/cycles") { Order = 31, Icon = "refresh", RequiredPolicy = Catalog.Plugins.Security.CatalogPolicies.Admin, Audience = "admins" });
        plugin.AddPages(typeof(LineagePlugin).Assembly);
        plugin.MapEndpoints(endpoints => endpoints.MapLineageApi());
    }

    private sealed class LineageOptionsValidator : IValidateOptions<LineageOptions>
    {
        public ValidateOptionsResult Validate(string? name, LineageOptions options) =>
            options.Validate().ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
