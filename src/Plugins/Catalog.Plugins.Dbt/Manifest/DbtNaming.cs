using Catalog.Domain.Entities;

namespace Catalog.Plugins.Dbt.Manifest;

/// <summary>
/// How dbt things are named in the catalog. A dataset is <c>dataset:&lt;adapter&gt;:&lt;database&gt;.&lt;schema&gt;.&lt;alias&gt;</c>
/// (the relation dbt builds, unquoted; the adapter type stands in for the warehouse, as OpenLineage's dbt integration
/// names datasets by warehouse). A model's build is <c>job:dbt:&lt;project&gt;.&lt;model&gt;</c> (versioned models add
/// <c>.v&lt;n&gt;</c>), and a whole <c>dbt run/build</c> invocation is <c>job:dbt:&lt;project&gt;</c>.
/// </summary>
public sealed class DbtNaming(string datasetNamespace, string jobNamespace)
{
    public string DatasetNamespace { get; } = datasetNamespace;

    public EntityRef Dataset(DbtNode node) => EntityRef.Dataset(DatasetNamespace, RelationOf(node));

    public EntityRef Dataset(string? database, string? schema, string identifier) =>
        EntityRef.Dataset(DatasetNamespace, Join(database, schema, identifier));

    public EntityRef Job(DbtNode node) => Job(node.Package, node.Version is { } v ? $"{node.Name}.v{v}" : node.Name);

    public EntityRef Job(string project, string name) => EntityRef.Job(jobNamespace, $"{project}.{name}");

    public EntityRef Invocation(string project) => EntityRef.Job(jobNamespace, project);

    /// <summary>The job of a node known only by its unique_id (<c>model.jaffle_shop.customers</c>), when no manifest is at hand.</summary>
    public EntityRef? JobFromUniqueId(string uniqueId)
    {
        var parts = uniqueId.Split('.');
        return parts.Length >= 3 && parts[0] is "model" or "seed" or "snapshot"
            ? Job(parts[1], parts.Length > 3 ? $"{parts[2]}.{parts[3]}" : parts[2]) : null;
    }

    private static string RelationOf(DbtNode node)
    {
        if (node.Identifier is { Length: > 0 } identifier) return Join(node.Database, node.Schema, identifier);
        if (node.RelationName is { Length: > 0 } relation) return relation.Replace("\"", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        return node.UniqueId;
    }

    private static string Join(params string?[] parts) => string.Join('.', parts.Where(p => !string.IsNullOrEmpty(p)));
}
