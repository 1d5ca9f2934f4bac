using Catalog.Plugins.Governance.Users;
using Catalog.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// The real portal (Program) on a fresh, migrated PostgreSQL database, seeded with teams, people and datasets
/// (<see cref="GovernanceSeed"/>). One instance per test collection: accounts and sessions are created once.
/// </summary>
public sealed class GovernanceWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, PortalSession> sessions = [];
    private string connectionString = "";

    public NpgsqlDataSource Database { get; private set; } = null!;
    public GovernanceSeed Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync("governance");
        Database = NpgsqlDataSource.Create(connectionString);
        Seed = await GovernanceSeed.CreateAsync(Database);
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminUserCommand>();
        foreach (var persona in Personas.All.Where(p => p.UserName is not null))
        {
            var result = await accounts.AddUserAsync(persona.UserName!, Personas.Password, null, persona.Roles, "test:seed");
            Assert.True(result.Succeeded, result.Message);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Catalog", connectionString);
        builder.UseSetting("Plugins:governance:MaxFailedSignIns", "3");
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
