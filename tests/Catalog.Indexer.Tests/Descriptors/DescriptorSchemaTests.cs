using System.Text.Json;
using Catalog.Plugins.Descriptors.CatalogKinds;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>docs/schemas/catalog.dev-v1.schema.json and the harvester must accept the same fields; this catches one drifting from the other.</summary>
public sealed class DescriptorSchemaTests
{
    private static readonly JsonElement Definitions = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(Catalog.Storage.RepositoryPaths.FindRoot()!, "docs", "schemas", "catalog.dev-v1.schema.json"))).RootElement.GetProperty("$defs");

    private static IEnumerable<string> Properties(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    private static JsonElement SpecOf(string kind) => Definitions.GetProperty(kind).GetProperty("properties").GetProperty("spec");

    [Fact]
    public void The_json_schema_lists_exactly_the_dataset_spec_fields_the_harvester_reads()
    {
        Assert.Equal(DatasetDescriptorMapper.SpecKeys.Order(StringComparer.Ordinal), Properties(SpecOf("Dataset")));
    }

    [Fact]
    public void The_json_schema_lists_exactly_the_workflow_spec_fields_the_harvester_reads()
    {
        Assert.Equal(WorkflowDescriptorMapper.SpecKeys.Order(StringComparer.Ordinal), Properties(SpecOf("Workflow")));
        var columnLineage = SpecOf("Workflow").GetProperty("properties").GetProperty("columnLineage").GetProperty("items");
        Assert.Equal(WorkflowDescriptorMapper.ColumnLineageKeys.Order(StringComparer.Ordinal), Properties(columnLineage));
    }

    [Fact]
    public void The_json_schema_lists_exactly_the_metadata_and_field_keys_the_harvester_reads()
    {
        Assert.Equal(CatalogMetadata.Keys.Order(StringComparer.Ordinal), Properties(Definitions.GetProperty("metadata")));
        Assert.Equal(SchemaFieldReader.Keys.Order(StringComparer.Ordinal), Properties(Definitions.GetProperty("field")));
    }

    [Fact]
    public void The_json_schema_lists_the_same_transformations_as_the_harvester()
    {
        var transformations = SpecOf("Workflow").GetProperty("properties").GetProperty("columnLineage").GetProperty("items")
            .GetProperty("properties").GetProperty("transformation").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(WorkflowDescriptorMapper.DirectTransformations.Concat(WorkflowDescriptorMapper.IndirectTransformations), transformations);
    }
}
