using Catalog.Plugins.Health.Api;
using Catalog.Plugins.Health.Components;
using Catalog.Plugins.Health.Evaluation;
using Catalog.Plugins.Health.Notifications;
using Catalog.Plugins.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Health;

/// <summary>
/// Data health: late endpoints (from schedules and partitions), failing and unusually long runs, failed quality
/// checks; a health page by owner, badges, an overview card and webhooks on transitions.
/// </summary>
public sealed class HealthPlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("health", "Health",
        "Freshness, failing and slow runs and failed quality checks, with a health page, badges and webhooks.");

    public void Register(IPluginBuilder plugin)
    {
        var services = plugin.Services;
        services.AddOptions<HealthOptions>().Bind(plugin.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>>(new ValidateWith<HealthOptions>(o => o.Validate()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookSender.HttpClientName);
        services.AddSingleton<HealthEvaluator>();
        services.AddSingleton<VisibleEntities>();
        services.AddSingleton<Lateness.WhyLateService>();
        services.AddSingleton<IEntityBadgeSource, HealthBadgeSource>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<HealthNotifier>();
        services.AddSingleton<HealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthMonitor>());

        plugin.AddNavItem(new NavItem("Health", "/health") { Order = 50, Icon = "heartbeat", Audience = "owners, engineers" });
        plugin.AddPages(typeof(HealthPlugin).Assembly);
        plugin.AddEntityCard(new EntityCard("Health", EntityFilter.Parse("kind:dataset,job"), typeof(HealthCard)) { Order = 20 });
        plugin.MapEndpoints(HealthApi.Map);
    }
}

/// <summary>Start-up validation that lists every problem with the key to fix.</summary>
internal sealed class ValidateWith<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        validate(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
