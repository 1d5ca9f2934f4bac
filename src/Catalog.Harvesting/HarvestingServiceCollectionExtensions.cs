using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Harvesting;

public static class HarvestingServiceCollectionExtensions
{
    /// <summary>
    /// The harvest engine (<see cref="HarvestEngine"/>, also as <see cref="IHarvestService"/> for pushed inputs) and the
    /// <see cref="HarvestRunner"/> over every registered <c>IHarvester</c>. Needs the catalog's <c>NpgsqlDataSource</c>
    /// (<c>AddCatalogStorage</c>). Options come from <c>Catalog:Harvesting</c> when a configuration is given. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddCatalogHarvesting(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<HarvestingOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(HarvestingOptions.Section));
        options.Validate(o => !o.Validate().Any(), "Catalog:Harvesting is invalid: MaxRemovalShare must be 0–1, MaxInputBytes at least 1024, " +
                "HeartbeatSeconds at least 1, AbandonAfterMinutes longer than two heartbeats, PushWindowMinutes 1–1440.")
            .ValidateOnStart();
        var trust = services.AddOptions<Trust.TrustOptions>();
        if (configuration is not null) trust.Bind(configuration.GetSection(Trust.TrustOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Trust.TrustOptions>, Trust.TrustOptionsValidator>());
        trust.ValidateOnStart();
        // Idempotent: the host and plugins that push (OpenLineage) may both call this.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HarvestEngine(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<HarvestingOptions>>(),
            sp.GetRequiredService<IOptions<Trust.TrustOptions>>(), sp.GetService<Trust.IHarvestAudit>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IHarvestService>(sp => sp.GetRequiredService<HarvestEngine>());
        services.TryAddSingleton<HarvestRunner>();
        services.TryAddSingleton<RawInputReplayer>();
        return services;
    }
}
