using System.Text.Json;
using Catalog.Plugins.Dbt.Artifacts;

namespace Catalog.Plugins.Dbt.Manifest;

/// <summary>
/// Reads manifest.json of schema v1–v12. Only the parts the catalog uses are touched (nodes, sources, exposures,
/// metadata); macros, docs and the parent/child maps are skipped, which is most of a large manifest. Field names
/// that moved between versions are read from both places (<c>raw_sql</c>/<c>raw_code</c>, <c>meta</c>/<c>config.meta</c>).
/// A node that cannot be read is reported with its JSON path and skipped; the others still land.
/// </summary>
public static class ManifestReader
{
    public static DbtManifest Read(ReadOnlyMemory<byte> content)
    {
        using var document = DbtDocument.Parse(content);
        return Read(document.RootElement);
    }

    public static DbtManifest Read(JsonElement root)
    {
        var metadata = root.Object("metadata");
        var manifest = new DbtManifest
        {
            Project = metadata?.String("project_name") ?? InferProject(root),
            Adapter = metadata?.String("adapter_type"),
            SchemaVersion = metadata?.String("dbt_schema_version"),
            DbtVersion = metadata?.String("dbt_version"),
            GeneratedAt = metadata?.Time("generated_at"),
        };
        foreach (var (id, node, path) in Entries(root, "nodes", manifest))
        {
            var resourceType = node.String("resource_type");
            if (resourceType == "test") ReadTest(id, node, manifest);
            else if (resourceType is "model" or "seed" or "snapshot") AddNode(ReadNode(id, node, path, manifest.Project, resourceType), manifest, path);
            else if (resourceType is null) manifest.Problems.Add(new DbtProblem($"{path}.resource_type", "missing resource_type; the node was skipped"));
        }
        foreach (var (id, node, path) in Entries(root, "sources", manifest))
            AddNode(ReadNode(id, node, path, manifest.Project, "source"), manifest, path);
        foreach (var (id, exposure, path) in Entries(root, "exposures", manifest))
            ReadExposure(id, exposure, path, manifest);
        return manifest;
    }

    private static IEnumerable<(string Id, JsonElement Node, string Path)> Entries(JsonElement root, string section, DbtManifest manifest)
    {
        if (!root.TryGetProperty(section, out var entries) || entries.ValueKind == JsonValueKind.Null) yield break;
        if (entries.ValueKind != JsonValueKind.Object)
        {
            manifest.Problems.Add(new DbtProblem($"$.{section}", $"expected an object keyed by unique_id, got {entries.ValueKind.ToString().ToLowerInvariant()}"));
            yield break;
        }
        foreach (var entry in entries.EnumerateObject())
        {
            var path = DbtJson.Path($"$.{section}", entry.Name);
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                manifest.Problems.Add(new DbtProblem(path, $"expected an object, got {entry.Value.ValueKind.ToString().ToLowerInvariant()}"));
                continue;
            }
            yield return (entry.Name, entry.Value, path);
        }
    }

    private static void AddNode(DbtNode? node, DbtManifest manifest, string path)
    {
        if (node is null)
        {
            manifest.Problems.Add(new DbtProblem($"{path}.name", "expected a string name; the node was skipped"));
            return;
        }
        if (!manifest.Nodes.TryAdd(node.UniqueId, node))
            manifest.Problems.Add(new DbtProblem(path, $"unique_id '{node.UniqueId}' appears twice; the second was skipped"));
    }

    private static DbtNode? ReadNode(string id, JsonElement node, string path, string project, string resourceType)
    {
        var name = node.String("name");
        if (name is null) return null; // reported by AddNode with the node's path
        var config = node.Object("config");
        var meta = MergeMeta(node.Object("meta"), config?.Object("meta"));
        var package = node.String("package_name") ?? project;
        return new DbtNode
        {
            UniqueId = node.String("unique_id") ?? id,
            ResourceType = resourceType,
            Name = resourceType == "source" && node.String("source_name") is { } sourceName ? $"{sourceName}.{name}" : name,
            Package = package,
            Database = node.String("database"),
            Schema = node.String("schema"),
            Identifier = resourceType == "source" ? node.String("identifier") ?? name : node.String("alias") ?? name,
            RelationName = node.String("relation_name"),
            Description = Blank(node.String("description")) ?? Blank(node.String("source_description")),
            Tags = node.Strings("tags").Union(config?.Strings("tags") ?? []).Distinct().ToList(),
            Owner = meta?.String("owner"),
            Columns = ReadColumns(node),
            DependsOn = node.Object("depends_on")?.Strings("nodes") ?? [],
            Version = Scalar(node, "version"),
            LatestVersion = Scalar(node, "latest_version"),
            Materialized = config?.String("materialized"),
            Access = node.String("access"),
            Group = node.String("group"),
            Sql = node.String("compiled_code") ?? node.String("compiled_sql") ?? node.String("raw_code") ?? node.String("raw_sql"),
            OriginalFilePath = node.String("original_file_path"),
            Meta = meta,
            IsExternal = package != project && node.String("original_file_path") is "" && resourceType != "source",
        };
    }

    private static IReadOnlyList<DbtColumn> ReadColumns(JsonElement node)
    {
        if (node.Object("columns") is not { } columns) return [];
        var result = new List<DbtColumn>();
        foreach (var column in columns.EnumerateObject())
        {
            if (column.Value.ValueKind != JsonValueKind.Object) continue;
            result.Add(new DbtColumn(column.Value.String("name") ?? column.Name)
            {
                Description = Blank(column.Value.String("description")),
                DataType = column.Value.String("data_type"),
                Tags = column.Value.Strings("tags"),
                Meta = column.Value.Object("meta") is { } m && m.EnumerateObject().Any() ? m.Clone() : null,
            });
        }
        return result;
    }

    private static void ReadTest(string id, JsonElement node, DbtManifest manifest)
    {
        var dependsOn = node.Object("depends_on")?.Strings("nodes") ?? [];
        manifest.Tests.Add(new DbtTest(node.String("unique_id") ?? id, node.String("name") ?? id)
        {
            // attached_node exists since dbt 1.5; older manifests name the tested node first among depends_on.
            AttachedNode = node.String("attached_node") ?? dependsOn.FirstOrDefault(d => !d.StartsWith("macro.", StringComparison.Ordinal)),
            Column = node.String("column_name"),
            TestType = node.Object("test_metadata")?.String("name") ?? "singular",
            Severity = node.Object("config")?.String("severity"),
        });
    }

    private static void ReadExposure(string id, JsonElement exposure, string path, DbtManifest manifest)
    {
        var name = exposure.String("name");
        if (name is null)
        {
            manifest.Problems.Add(new DbtProblem($"{path}.name", "an exposure needs a name; it was skipped"));
            return;
        }
        var owner = exposure.Object("owner");
        manifest.Exposures.Add(new DbtExposure(exposure.String("unique_id") ?? id, name, exposure.String("package_name") ?? manifest.Project)
        {
            Type = exposure.String("type"),
            Description = Blank(exposure.String("description")),
            OwnerName = owner?.String("name"),
            OwnerEmail = owner?.String("email"),
            Url = exposure.String("url"),
            Tags = exposure.Strings("tags"),
            DependsOn = exposure.Object("depends_on")?.Strings("nodes") ?? [],
        });
    }

    private static JsonElement? MergeMeta(JsonElement? nodeMeta, JsonElement? configMeta)
    {
        var chosen = nodeMeta is { } n && n.EnumerateObject().Any() ? n : configMeta;
        return chosen is { } c && c.EnumerateObject().Any() ? c.Clone() : null;
    }

    private static string? Scalar(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Old manifests have no project_name: the package that owns most built nodes is the project.</summary>
    private static string InferProject(JsonElement root)
    {
        var packages = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.Object("nodes") is { } nodes)
            foreach (var node in nodes.EnumerateObject())
                if (node.Value.String("resource_type") is "model" or "seed" or "snapshot" && node.Value.String("package_name") is { } package)
                    packages[package] = packages.GetValueOrDefault(package) + 1;
        return packages.Count == 0 ? "dbt" : packages.MaxBy(p => p.Value).Key;
    }
}
