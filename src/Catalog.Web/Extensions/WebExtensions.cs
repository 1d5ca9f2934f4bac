using Catalog.Harvesting;
using Catalog.Plugins.Hosting;
using Catalog.Plugins.Security;
using Catalog.Web.Components;
using Catalog.Web.ReadModel;
using Catalog.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Catalog.Web.Extensions;

public static class WebExtensions
{
    public static WebApplicationBuilder AddCatalogWeb(this WebApplicationBuilder builder)
    {
        builder.AddCatalogStaticContent();
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddCatalogErrorHandling();
        services.AddCatalogRateLimits(builder.Configuration);
        services.AddOpenApi(o => o.AddOperationTransformer<Catalog.Web.OpenApi.ErrorResponsesTransformer>());
        // Secure over HTTPS (directly or through a configured proxy); plain HTTP on a developer's loopback still works.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        var forwarded = builder.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        if (forwarded.Enabled) services.Configure<ForwardedHeadersOptions>(forwarded.ApplyTo);
        services.AddAuthentication();
        services.AddAuthorization();
        // Plugins registered first; these only fill what no plugin (governance) provided.
        services.AddSingleton<IPostConfigureOptions<AuthorizationOptions>, PermissiveDefaultPolicies>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICatalogPrincipalAccessor, ClaimsPrincipalAccessor>();
        services.AddScoped<CatalogReader>();
        services.AddHostedService<CountsCompactionService>();
        services.AddCatalogHarvesting(builder.Configuration);
        return builder;
    }

    public static WebApplication UseCatalogWeb(this WebApplication app)
    {
        // First, so HTTPS redirection, HSTS and Secure cookies see the scheme the client used at the proxy.
        if (app.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>()?.Enabled == true)
            app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseCatalogErrorHandling();
        app.UseCatalogStaticContent();
        app.UseAuthentication();
        // After authentication (limits per account), before authorization (denied attempts count too).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/healthz");
        app.MapOpenApi();
        return app;
    }

    /// <summary>The host's pages plus every routable component the plugins declared.</summary>
    public static WebApplication MapCatalogPages(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<PluginRegistry>();
        var pageAssemblies = registry.PageAssemblies.Where(a => a != typeof(App).Assembly).Distinct().ToArray();
        app.MapRazorComponents<App>().AddAdditionalAssemblies(pageAssemblies);
        return app;
    }
}
