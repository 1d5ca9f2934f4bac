using Catalog.Plugins.Governance.Access;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Authentication;
using Catalog.Plugins.Governance.Authorization;
using Catalog.Plugins.Governance.Suggestions;
using Catalog.Plugins.Governance.Identity;
using Catalog.Plugins.Governance.Infrastructure;
using Catalog.Plugins.Governance.Retention;
using Catalog.Plugins.Governance.Users;
using Catalog.Plugins.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.Governance;

/// <summary>The plugin's wiring, one method per concern, so <see cref="GovernancePlugin.Register"/> reads as a table of contents.</summary>
public static class GovernanceServiceCollectionExtensions
{
    public static IServiceCollection AddGovernanceOptions(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<GovernanceOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GovernanceOptions>, GovernanceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IServiceCollection AddGovernanceIdentity(this IServiceCollection services)
    {
        services.AddDbContext<GovernanceIdentityDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddIdentityCore<CatalogUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovernanceIdentityDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CatalogUserClaimsFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<GovernanceOptions>>((identity, governance) =>
        {
            identity.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = governance.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = governance.Value.LockoutDuration;
            // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
            identity.Password.RequiredLength = 12;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        });
        return services;
    }

    public static IServiceCollection AddGovernanceAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = GovernanceSchemes.Catalog;
                o.DefaultChallengeScheme = GovernanceSchemes.Catalog;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(GovernanceSchemes.Catalog, "Catalog", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(GovernanceSchemes.ApiToken, null)
            .AddScheme<AuthenticationSchemeOptions, TrustedProxyAuthenticationHandler>(GovernanceSchemes.TrustedProxy, null)
            .AddIdentityCookies();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<GovernanceOptions>>((cookie, governance) =>
            {
                cookie.LoginPath = "/account/sign-in";
                cookie.LogoutPath = "/account";
                cookie.AccessDeniedPath = "/account/denied";
                cookie.ExpireTimeSpan = governance.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Cookie.Name = ".Catalog.Session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (or a configured proxy says it did).
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // APIs answer 401/403; only pages are redirected to the sign-in form.
                cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
            });
        services.AddAntiforgery();
        return services;
    }

    public static IServiceCollection AddGovernanceAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(CatalogPolicies.Read, p => p.AddRequirements(new ReadRequirement()))
            .AddPolicy(CatalogPolicies.Ingest, p => p.AddRequirements(new IngestRequirement()))
            .AddPolicy(CatalogPolicies.Owner, p => p.AddRequirements(new OwnerRequirement()))
            .AddPolicy(CatalogPolicies.Auditor, p => p.AddRequirements(new RoleRequirement(CatalogRoles.Auditor, CatalogRoles.Admin)))
            .AddPolicy(CatalogPolicies.Admin, p => p.AddRequirements(new RoleRequirement(CatalogRoles.Admin)));
        services.AddSingleton<IAuthorizationHandler, ReadHandler>();
        services.AddSingleton<IAuthorizationHandler, IngestHandler>();
        services.AddSingleton<IAuthorizationHandler, RoleHandler>();
        services.AddSingleton<IAuthorizationHandler, OwnerHandler>();
        services.RemoveAll<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        // Replaces the host's claims-only default: teams come from the catalog's memberOf relations.
        services.RemoveAll<ICatalogPrincipalAccessor>();
        services.AddSingleton<ICatalogPrincipalAccessor, TeamPrincipalAccessor>();
        return services;
    }

    public static IServiceCollection AddGovernanceServices(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        // Every governance change a harvest or push makes lands in the same hash-chained trail (Catalog.Harvesting.Trust).
        services.TryAddSingleton<Catalog.Harvesting.Trust.IHarvestAudit, HarvestAuditWriter>();
        services.AddSingleton<DeniedAttemptCounter>();
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<AuditVerification>();
        services.AddSingleton<AccessReviewQuery>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<RejectedTokenRecorder>();
        services.AddSingleton<EntityLookup>();
        services.AddScoped<GovernanceGate>();
        services.AddScoped<RetentionService>();
        services.AddScoped<RetentionDefaultsService>();
        services.AddScoped<AccessService>();
        services.AddScoped<AccessRequestService>();
        services.AddScoped<SuggestionService>();
        services.AddScoped<SignInService>();
        services.AddScoped<AdminUserCommand>();
        services.AddHostedService<BootstrapAdminService>();
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return GovernanceSchemes.ApiToken;
        var proxy = context.RequestServices.GetRequiredService<IOptions<GovernanceOptions>>().Value.TrustedProxy;
        if (proxy.Enabled && context.Request.Headers.ContainsKey(proxy.UserHeader) &&
            TrustedProxyAuthenticationHandler.IsTrustedSource(proxy, context.Connection.RemoteIpAddress))
            return GovernanceSchemes.TrustedProxy;
        return IdentityConstants.ApplicationScheme;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (ApiProblems.IsApi(context.Request))
            return ApiProblems.WriteAsync(context.Response, status, status == StatusCodes.Status401Unauthorized
                ? "This needs a signed-in user or an API token (Authorization: Bearer ...)."
                : "Your account does not have the permission this needs.");
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

internal sealed class GovernanceOptionsValidator : IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceOptions options)
    {
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
