using System.Text.Json;
using Npgsql;

namespace Catalog.Web.Tests.Search;

/// <summary>
/// Writes catalog rows the way the harvest engine does (plain SQL into the core tables), so the search triggers
/// are exercised exactly as in production.
/// </summary>
public sealed class TestCatalog(NpgsqlDataSource dataSource)
{
    public async Task<long> AddAsync(string kind, string @namespace, string name, string? description = null, string? owner = null,
        string? platform = null, string[]? tags = null, string lifecycle = "active", string visibility = "everyone", string? title = null)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO entities (kind, namespace, name, description, owner_ref, platform, tags, lifecycle, visibility, title)
            VALUES (@kind, @namespace, @name, @description, @owner, @platform, @tags, @lifecycle, @visibility, @title)
            ON CONFLICT (kind, namespace, name) DO UPDATE SET description = coalesce(excluded.description, entities.description)
            RETURNING id
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("namespace", @namespace);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("description", (object?)description ?? DBNull.Value);
        command.Parameters.AddWithValue("owner", (object?)owner ?? DBNull.Value);
        command.Parameters.AddWithValue("platform", (object?)platform ?? DBNull.Value);
        command.Parameters.AddWithValue("tags", tags ?? []);
        command.Parameters.AddWithValue("lifecycle", lifecycle);
        command.Parameters.AddWithValue("visibility", visibility);
        command.Parameters.AddWithValue("title", (object?)title ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task AddFieldsAsync(long entityId, params string[] names)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO dataset_fields (entity_id, ordinal, name)
            SELECT @id, n.ordinality::int, n.name FROM unnest(@names) WITH ORDINALITY AS n(name, ordinality)
            ON CONFLICT (entity_id, name) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", entityId);
        command.Parameters.AddWithValue("names", names);
        await command.ExecuteNonQueryAsync();
    }

    public async Task AddEdgeAsync(long fromId, long toId, string kind)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO lineage_edges (from_id, to_id, edge_kind) VALUES (@from, @to, @kind) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("from", fromId);
        command.Parameters.AddWithValue("to", toId);
        command.Parameters.AddWithValue("kind", kind);
        await command.ExecuteNonQueryAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Loads the datasets, columns and jobs of a real OpenLineage event file (a JSON array or one event):
    /// dataset -reads-> job -writes-> dataset, with schema facet fields as columns and documentation as description.
    /// </summary>
    public async Task LoadOpenLineageAsync(string path, string platform)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var events = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
        foreach (var e in events)
        {
            var job = e.GetProperty("job");
            var jobId = await AddAsync("job", job.GetProperty("namespace").GetString()!, job.GetProperty("name").GetString()!, platform: "airflow");
            foreach (var (side, edge) in new[] { ("inputs", "reads"), ("outputs", "writes") })
            {
                if (!e.TryGetProperty(side, out var datasets)) continue;
                foreach (var d in datasets.EnumerateArray())
                {
                    var facets = d.TryGetProperty("facets", out var f) ? f : default;
                    var description = facets.ValueKind == JsonValueKind.Object && facets.TryGetProperty("documentation", out var doc)
                        ? doc.GetProperty("description").GetString() : null;
                    var id = await AddAsync("dataset", d.GetProperty("namespace").GetString()!, d.GetProperty("name").GetString()!, description, platform: platform);
                    if (facets.ValueKind == JsonValueKind.Object && facets.TryGetProperty("schema", out var schema) && schema.TryGetProperty("fields", out var fields))
                        await AddFieldsAsync(id, fields.EnumerateArray().Select(x => x.GetProperty("name").GetString()!).ToArray());
                    if (edge == "reads") await AddEdgeAsync(id, jobId, "reads");
                    else await AddEdgeAsync(jobId, id, "writes");
                }
            }
        }
    }
}
