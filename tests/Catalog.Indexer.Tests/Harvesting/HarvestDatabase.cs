using Catalog.Harvesting;
using Catalog.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>A fresh migrated database per test class, and engines over it.</summary>
public sealed class HarvestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("harvest");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();

    public HarvestEngine Engine(double maxRemovalShare = 0.5, TimeProvider? clock = null) =>
        new(DataSource, Options.Create(new HarvestingOptions { MaxRemovalShare = maxRemovalShare }), Options.Create(TestTrust()), audit: null, clock);

    /// <summary>
    /// The default trust model, plus the engine tests' own harvester kinds ("test" …) trusted like descriptors: these
    /// tests are about merge and removal rules, which apply to what a trusted source may set.
    /// </summary>
    public static Catalog.Harvesting.Trust.TrustOptions TestTrust()
    {
        var trust = new Catalog.Harvesting.Trust.TrustOptions();
        string[] kinds = ["test", "pushwin", "other"];
        trust.AdditionalSources = kinds;
        foreach (var kind in kinds.SelectMany(k => new[] { k, k + Catalog.Harvesting.Trust.TrustOptions.PushSuffix }))
            trust.Sources[kind] = new() { Sets = ["owner", "classification", "access", "retention"], Authoritative = true };
        return trust;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public async Task<List<string>> ColumnAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? "<null>" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
