using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Plugins.Harvesting;
using Catalog.Plugins.PostgresIntrospection.Introspection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Plugins.PostgresIntrospection;

/// <summary>
/// Harvests a live PostgreSQL database: schemas, tables (with partitions), views, materialized views, columns,
/// comments, row estimates, sizes, keys and view dependencies. The whole database is one input whose content is the
/// introspection snapshot, so an unchanged database is skipped and every harvest can be replayed.
/// </summary>
public sealed class PostgresHarvester(IOptions<PostgresIntrospectionOptions> options, TimeProvider? clock = null) : IReplayableHarvester
{
    public const string MediaType = "application/vnd.catalog.postgres-snapshot+json";

    public static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Kind => "postgres";

    public string Description => "Live PostgreSQL introspection (tables, partitions, views, columns, keys, view lineage) from a connection string";

    public async Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken)
    {
        if (!PostgresTarget.TryParse(context.Target, out var target, out var error))
        {
            // Never echo the target: it may hold a password.
            await context.Sink.ReportErrorAsync(new HarvestError("postgres target", $"The connection string {error}"), cancellationToken);
            return;
        }
        context.Progress.Report(new HarvestProgress(0, 1, target!.Location));
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { CommandTimeout = options.Value.CommandTimeoutSeconds, ApplicationName = "catalog-indexer" };
        if (context.Options.TryGetValue(HarvestOptionNames.PasswordFile, out var passwordFile))
        {
            if (await PasswordFile.ReadAsync(passwordFile, cancellationToken) is not { } password)
            {
                await context.Sink.ReportErrorAsync(new HarvestError(passwordFile, "the password file is missing, unreadable or empty; expected the password on its first line") { Position = "--password-file" }, cancellationToken);
                return;
            }
            // A password in the connection string wins, as psql's does over PGPASSWORD.
            builder.Password ??= password;
        }
        // Neither given: Npgsql itself reads PGPASSWORD, then Passfile=… / PGPASSFILE / ~/.pgpass.
        DatabaseSnapshot snapshot;
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            snapshot = await PostgresCatalogReader.ReadAsync(connection, options.Value.ExcludeSchemas, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Driver messages may quote connection details; the sink redacts too, this keeps the harvester honest on its own.
            await context.Sink.ReportErrorAsync(new HarvestError(target.Location, $"could not introspect the database: {SecretRedaction.Redact(e.Message)}"), cancellationToken);
            return;
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(snapshot, SnapshotJson);
        var batch = await context.Sink.BeginInputAsync(new HarvestInput(target.Location, content, MediaType), cancellationToken);
        if (batch is not null)
        {
            await using (batch)
            {
                var mapper = new SnapshotMapper(options.Value.Namespace ?? target.DefaultNamespace, (clock ?? TimeProvider.System).GetUtcNow());
                foreach (var item in mapper.Map(snapshot)) batch.Add(item);
                await batch.CommitAsync(cancellationToken);
            }
        }
        context.Progress.Report(new HarvestProgress(1, 1, target.Location));
    }

    /// <summary>
    /// Replays a stored snapshot without connecting to the database. The location (<c>postgres://host:port/db</c>)
    /// gives the default namespace (<c>postgres://host:port</c>), as in a harvest.
    /// </summary>
    public async Task ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken)
    {
        DatabaseSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize<DatabaseSnapshot>(input.Content.Span, SnapshotJson);
        }
        catch (JsonException e)
        {
            await batch.FailAsync(new HarvestError(input.Location, $"not a database snapshot: {e.Message}") { Position = e.Path ?? "$" }, cancellationToken);
            return;
        }
        if (snapshot is null)
        {
            await batch.FailAsync(new HarvestError(input.Location, "not a database snapshot: the document is null") { Position = "$" }, cancellationToken);
            return;
        }
        var slash = input.Location.LastIndexOf('/');
        var defaultNamespace = slash > "postgres://".Length ? input.Location[..slash] : input.Location;
        var mapper = new SnapshotMapper(options.Value.Namespace ?? defaultNamespace, (clock ?? TimeProvider.System).GetUtcNow());
        foreach (var item in mapper.Map(snapshot)) batch.Add(item);
    }
}
