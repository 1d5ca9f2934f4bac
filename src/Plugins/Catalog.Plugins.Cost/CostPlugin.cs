using Catalog.Domain.Cost;
using Catalog.Plugins.Cost.Api;
using Catalog.Plugins.Cost.Components;
using Catalog.Plugins.Cost.Pricing;
using Catalog.Plugins.Cost.Queries;
using Catalog.Plugins.Cost.Snapshots;
using Catalog.Plugins.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Cost;

/// <summary>
/// Cost views: what datasets cost to store and jobs cost to run, per entity, team and namespace, with daily
/// snapshots for trends, top spenders, month-over-month change, downstream cost and a retention what-if.
/// </summary>
public sealed class CostPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("cost", "Cost",
        "Storage and compute cost per dataset, workflow, team and namespace, with daily snapshots and a retention what-if.");

    public void Register(IPluginBuilder plugin)
    {
        var services = plugin.Services;
        services.AddOptions<CostOptions>().Bind(plugin.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CostOptions>>(new ValidateCostOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => PriceBookFactory.Create(sp.GetRequiredService<IOptions<CostOptions>>().Value));
        services.AddSingleton<IStorageCostEstimator, ConfiguredStorageCostEstimator>();
        services.AddSingleton<CostSnapshotter>();
        services.AddSingleton<CostQueries>();
        services.AddSingleton<RetentionWhatIfService>();
        services.AddSingleton<CostSnapshotService>();
        services.AddHostedService(sp => sp.GetRequiredService<CostSnapshotService>());

        plugin.AddNavItem(new NavItem("Cost", "/cost") { Order = 60, Icon = "currency-dollar", Audience = "owners" });
        plugin.AddPages(typeof(CostPlugin).Assembly);
        plugin.AddEntityTab(new EntityTab("cost", "Cost", EntityFilter.Parse("kind:dataset,job"), typeof(CostTab)) { Order = 60 });
        plugin.MapEndpoints(CostApi.Map);
    }
}

/// <summary>Start-up validation that lists every problem with the key to fix.</summary>
internal sealed class ValidateCostOptions : IValidateOptions<CostOptions>
{
    public ValidateOptionsResult Validate(string? name, CostOptions options) =>
        PriceBookFactory.Validate(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
