using System.Net;
using Catalog.Plugins.Governance;
using Catalog.Plugins.Governance.Authentication;

namespace Catalog.Web.Tests.Governance;

public sealed class GovernanceOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_allow_anonymous_reading_but_require_ingest_tokens()
    {
        var options = new GovernanceOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.RequireSignIn);
        Assert.True(options.RequireIngestToken);
        Assert.False(options.TrustedProxy.Enabled);
    }

    [Fact]
    public void A_bootstrap_admin_without_a_password_is_reported_with_the_key_to_set()
    {
        var options = new GovernanceOptions { BootstrapAdmin = { UserName = "admin" } };

        Assert.Contains(options.Validate(), m => m.StartsWith("Plugins:governance:BootstrapAdmin:Password is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enabled_proxy_mode_needs_valid_proxy_addresses()
    {
        var options = new GovernanceOptions { TrustedProxy = { Enabled = true, ProxyAddresses = ["10.0.0.5", "proxy.internal"] } };

        Assert.Contains(options.Validate(), m => m.Contains("'proxy.internal', which is not an IP address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("::ffff:10.0.0.5", true)]
    [InlineData("10.0.0.6", false)]
    public void Only_configured_proxy_addresses_may_assert_a_user(string remote, bool trusted)
    {
        var proxy = new TrustedProxyOptions { Enabled = true, ProxyAddresses = ["10.0.0.5"] };

        Assert.Equal(trusted, TrustedProxyAuthenticationHandler.IsTrustedSource(proxy, IPAddress.Parse(remote)));
    }

    [Fact]
    public void A_disabled_proxy_mode_trusts_nobody() =>
        Assert.False(TrustedProxyAuthenticationHandler.IsTrustedSource(new TrustedProxyOptions { ProxyAddresses = ["10.0.0.5"] }, IPAddress.Parse("10.0.0.5")));
}
