using Catalog.Plugins.Governance.Users;
using Catalog.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// The lead's <see cref="CatalogWebFactory"/> (the real portal on its own migrated database), seeded with teams,
/// people and datasets (<see cref="GovernanceSeed"/>). One per test collection: accounts and sessions are made once.
/// </summary>
public sealed class GovernanceWebFactory : CatalogWebFactory, IAsyncLifetime
{
    private readonly Dictionary<string, PortalSession> sessions = [];

    public NpgsqlDataSource Database { get; private set; } = null!;
    public GovernanceSeed Seed { get; private set; } = null!;

    /// <summary>Namespace of <see cref="SourceTrustTests"/> where pushed OpenLineage is trusted to set owners.</summary>
    public const string TrustedPushNamespace = "trust_trusted";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Plugins:governance:MaxFailedSignIns", "3"),
        new($"Catalog:Harvesting:Trust:Namespaces:{TrustedPushNamespace}:openlineage-push:Sets:0", "owner"),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Database = NpgsqlDataSource.Create(ConnectionString);
        Seed = await GovernanceSeed.CreateAsync(Database);
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminUserCommand>();
        foreach (var persona in Personas.All.Where(p => p.UserName is not null))
        {
            var result = await accounts.AddUserAsync(persona.UserName!, Personas.Password, null, persona.Roles, "test:seed");
            Assert.True(result.Succeeded, result.Message);
        }
    }

    /// <summary>A client signed in as the persona (cookies kept, redirects not followed), created once.</summary>
    public async Task<PortalSession> SessionAsync(Persona persona)
    {
        if (sessions.TryGetValue(persona.Name, out var existing)) return existing;
        var session = new PortalSession(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        if (persona.UserName is not null)
        {
            var response = await session.SignInAsync(persona.UserName, Personas.Password);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        sessions[persona.Name] = session;
        return session;
    }

    public async Task<long> CountAuditAsync(string action, string actor)
    {
        await using var command = Database.CreateCommand("SELECT count(*) FROM audit_events WHERE action = @action AND actor = @actor");
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("actor", actor);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var session in sessions.Values) session.Dispose();
        await Database.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GovernanceCollection : ICollectionFixture<GovernanceWebFactory>
{
    public const string Name = "governance-web";
}
