using Catalog.Plugins.Governance.Api;
using Catalog.Plugins.Security;
using Catalog.Plugins.Ui;

namespace Catalog.Plugins.Governance;

/// <summary>
/// Sign-in, roles and API tokens; retention and access policies per endpoint; classification propagation; the
/// hash-chained audit trail. Registers the authentication and authorization the host's pipeline uses.
/// </summary>
public sealed class GovernancePlugin : ICatalogPlugin
{
    public PluginManifest Manifest { get; } = new("governance", "Governance",
        "Sign-in, roles, API tokens, retention and access policies, classification suggestions and a tamper-evident audit trail.");

    public void Register(IPluginBuilder plugin)
    {
        plugin.Services
            .AddGovernanceOptions(plugin.Configuration)
            .AddGovernanceIdentity()
            .AddGovernanceAuthentication()
            .AddGovernanceAuthorization()
            .AddGovernanceServices();

        plugin.AddPages(typeof(GovernancePlugin).Assembly)
            .AddEntityTab(new EntityTab("policies", "Policies", EntityFilter.Parse("kind:dataset"), typeof(Pages.Policies.PoliciesTab)) { Order = 60 })
            .AddNavItem(new NavItem("Access requests", "/access-requests") { Order = 60, Icon = "key", RequiredPolicy = CatalogPolicies.Owner, Audience = "owners" })
            .AddNavItem(new NavItem("Audit trail", "/audit") { Order = 70, Icon = "shield-check", RequiredPolicy = CatalogPolicies.Auditor, Audience = "auditors" })
            .AddNavItem(new NavItem("Access review", "/access-review") { Order = 71, Icon = "eye", RequiredPolicy = CatalogPolicies.Auditor, Audience = "auditors" })
            .AddNavItem(new NavItem("Account", "/account") { Order = 90, Icon = "user" })
            .MapEndpoints(GovernanceApi.Map);
    }
}
