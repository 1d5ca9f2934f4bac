using Catalog.Plugins.Governance.Users;
using Catalog.Plugins.Security;
using Catalog.Testing;
using Catalog.Web.Tests.Governance;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Web.Tests.Security;

/// <summary>
/// The real portal in Production on its own database, seeded on first start with <c>samples/catalog</c> by the real
/// harvesters (five restricted datasets among them), plus two accounts: victor (signed in, no team, no grant) and
/// root (admin, the insider who sees everything).
/// Entity ids start at <see cref="FirstEntityId"/> so an id in a response can be told from any other number.
/// </summary>
public sealed class SampleCatalogPortal : CatalogWebFactory, IAsyncLifetime
{
    public const long FirstEntityId = 7_300_001;

    public static readonly Persona Outsider = new("signed-in outsider", "victor", []);
    public static readonly Persona Insider = new("admin", "root", [CatalogRoles.Admin]);

    private readonly Dictionary<string, HttpClient> clients = [];

    public NpgsqlDataSource Database { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Catalog:SampleCatalog:SeedOnFirstStart", "true")];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Database = NpgsqlDataSource.Create(ConnectionString);
        await using (var sequence = Database.CreateCommand($"SELECT setval(pg_get_serial_sequence('entities', 'id'), {FirstEntityId - 1})"))
            await sequence.ExecuteNonQueryAsync();
        await using var scope = Services.CreateAsyncScope(); // starts the host: migrations, then the sample catalog seed
        var accounts = scope.ServiceProvider.GetRequiredService<AdminUserCommand>();
        foreach (var persona in new[] { Outsider, Insider })
        {
            var result = await accounts.AddUserAsync(persona.UserName!, Personas.Password, null, persona.Roles, "test:seed");
            Assert.True(result.Succeeded, result.Message);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    /// <summary>A client for the persona (anonymous: no cookies), signed in once; redirects are not followed.</summary>
    public async Task<HttpClient> ClientAsync(Persona persona)
    {
        if (clients.TryGetValue(persona.Name, out var existing)) return existing;
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (persona.UserName is not null)
        {
            var response = await new PortalSession(client).SignInAsync(persona.UserName, Personas.Password);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        clients[persona.Name] = client;
        return client;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in clients.Values) client.Dispose();
        await Database.DisposeAsync();
        await base.DisposeAsync();
    }
}
