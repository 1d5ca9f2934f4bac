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

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Portal is not null) await Portal.DisposeAsync();
    }
}
