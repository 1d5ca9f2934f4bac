using System.Net;
using Catalog.Plugins.Governance.Users;
using Catalog.Testing;
using Catalog.Web.Tests.Governance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Catalog.Web.Tests.Security;

/// <summary>
/// The portal in Production (the environment the hardening is for: no developer exception page) on its own database,
/// with a test-only way to choose the client's address (<see cref="ClientHeader"/>; the test server has none) and
/// accounts made on demand. Subclasses add settings.
/// </summary>
public class ProductionPortalFactory : CatalogWebFactory
{
    public const string ClientHeader = "X-Test-Client-Address";
    public const string Password = "test-only passphrase 4 hardening";

    private readonly Dictionary<string, PortalSession> sessions = [];

    public ProductionPortalFactory() => base.Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The portal's clock (registered by the base factory): tests never read the wall clock.</summary>
    public new FakeTimeProvider Clock => (FakeTimeProvider)base.Clock!;
    private readonly SemaphoreSlim accounts = new(1, 1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>A browser-like session (cookies, no redirects followed) of a new account with these roles, made once per name.</summary>
    public async Task<PortalSession> SessionAsync(string userName, params string[] roles)
    {
        await accounts.WaitAsync();
        try
        {
            if (sessions.TryGetValue(userName, out var existing)) return existing;
            await using (var scope = Services.CreateAsyncScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<AdminUserCommand>().AddUserAsync(userName, Password, null, roles, "test:seed");
                Assert.True(created.Succeeded, created.Message);
            }
            var session = new PortalSession(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
            var signedIn = await session.SignInAsync(userName, Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            sessions[userName] = session;
            return session;
        }
        finally
        {
            accounts.Release();
        }
    }

    public HttpClient Anonymous(string? clientAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (clientAddress is not null) client.DefaultRequestHeaders.Add(ClientHeader, clientAddress);
        return client;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var session in sessions.Values) session.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets the connection's remote address from <see cref="ClientHeader"/> before anything else runs.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var value) && IPAddress.TryParse(value, out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Production behind a TLS-terminating reverse proxy the portal is told to trust.</summary>
public sealed class ProxiedPortalFactory : ProductionPortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Catalog:ForwardedHeaders:Enabled", "true")];
}
