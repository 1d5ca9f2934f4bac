using Catalog.Storage.Embedded;

namespace Catalog.Storage;

/// <summary>
/// Which PostgreSQL the catalog uses. With <c>ConnectionStrings:Catalog</c> set (appsettings.json or the
/// environment variable <c>ConnectionStrings__Catalog</c>), that server; otherwise the embedded cluster.
/// </summary>
public sealed class CatalogDatabaseOptions
{
    public const string Section = "Catalog:Database";

    public EmbeddedPostgresOptions Embedded { get; set; } = new();

    /// <summary>Apply db/migrations at start-up (the portal and the indexer both do by default).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
