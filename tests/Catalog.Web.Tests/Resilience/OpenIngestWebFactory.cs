namespace Catalog.Web.Tests.Resilience;

/// <summary>The portal with anonymous OpenLineage ingest (Plugins:governance:RequireIngestToken=false), so hostile bodies reach the parser.</summary>
public sealed class OpenIngestWebFactory : CatalogWebFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Plugins:governance:RequireIngestToken", "false")];
}
