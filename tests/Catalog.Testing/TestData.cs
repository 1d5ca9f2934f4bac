namespace Catalog.Testing;

/// <summary>
/// Small, explicit catalog rows for host tests (the harvest path is tested in Catalog.Indexer.Tests). Idempotent:
/// xUnit runs a test class's InitializeAsync before each of its tests against the same class fixture.
/// </summary>
public static class TestData
{
    public static Task AddDatasetAsync(this CatalogWebFactory factory, string ns, string name, string? owner = null, string? description = null, string visibility = "everyone") =>
        factory.ExecuteAsync("""
            WITH e AS (
                INSERT INTO entities (kind, namespace, name, description, owner_ref, platform, visibility)
                VALUES ('dataset', $1, $2, $3, $4, 'bigquery', $5) ON CONFLICT (kind, namespace, name) DO NOTHING RETURNING id)
            INSERT INTO datasets (entity_id, partitioning) SELECT id, 'daily' FROM e
            """, ns, name, (object?)description ?? DBNull.Value, (object?)owner ?? DBNull.Value, visibility);

    public static Task AddFieldAsync(this CatalogWebFactory factory, string ns, string name, string field, string type, int ordinal, string? classification = null) =>
        factory.ExecuteAsync("""
            INSERT INTO dataset_fields (entity_id, ordinal, name, data_type, classification)
            SELECT id, $3, $4, $5, $6 FROM entities WHERE kind = 'dataset' AND namespace = $1 AND name = $2
            ON CONFLICT DO NOTHING
            """, ns, name, ordinal, field, type, (object?)classification ?? DBNull.Value);

    public static Task AddGroupAsync(this CatalogWebFactory factory, string name, string title) =>
        factory.ExecuteAsync("INSERT INTO entities (kind, namespace, name, title) VALUES ('group', 'default', $1, $2) ON CONFLICT DO NOTHING", name, title);
}
