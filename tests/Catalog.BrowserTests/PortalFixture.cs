using System.Collections.Concurrent;
using Catalog.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Catalog.BrowserTests;

/// <summary>
/// The real portal on a real loopback port (Kestrel) over a fresh PostgreSQL database, and Debian's Chromium driven
/// by Playwright. Playwright never downloads a browser here: it launches /usr/bin/chromium (or CATALOG_CHROMIUM).
/// One per test class; seed data through <see cref="Portal"/> before navigating. The portal runs in Production, as
/// <c>./catalog.sh start</c> does (see <see cref="CatalogWebFactory"/>).
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public CatalogWebFactory Portal { get; private set; } = default!;

    /// <summary>The portal's clock; null keeps the system clock. Fixtures for date-dependent pages return a FakeTimeProvider.</summary>
    protected virtual TimeProvider? Clock => null;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Portal = new CatalogWebFactory { Clock = Clock };
        await Portal.InitializeAsync();
        Portal.UseKestrel(0);
        Portal.StartServer();
        var addresses = Portal.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
    }

    /// <summary>Debian's Chromium, headless, without the background traffic a first run would make.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CATALOG_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });

    /// <summary>
    /// Content-Security-Policy violations any page of this fixture reported ("url: directive blocked-uri"). A page
    /// the portal's CSP breaks fails its test class (see <see cref="DisposeAsync"/>), so every browser test also
    /// proves the policy and the pages agree.
    /// </summary>
    public ConcurrentQueue<string> CspViolations { get; } = new();

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Init scripts run outside the page's CSP; the event names exactly what was refused.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                CspViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>Forgets the violations a test provoked on purpose.</summary>
    public void ClearCspViolations() => CspViolations.Clear();

    public async Task DisposeAsync()
    {
        var violations = CspViolations.ToArray();
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Portal is not null) await Portal.DisposeAsync();
        if (violations.Length > 0)
            throw new InvalidOperationException("Pages reported Content-Security-Policy violations:\n" + string.Join("\n", violations.Distinct()));
    }
}
