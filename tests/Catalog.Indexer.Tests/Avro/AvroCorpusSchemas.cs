using System.Text.Json;
using Catalog.Plugins.Avro.Harvesting;
using Catalog.Plugins.Avro.Parsing;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Indexer.Tests.Avro;

/// <summary>Reads real corpus schemas (resolving named types from their directory tree) or inline JSON into the model.</summary>
internal static class AvroCorpusSchemas
{
    public static RecordSchema Record(params string[] corpusPath)
    {
        var files = AvroHarvester.Discover(AvroTestHarvest.File(corpusPath), [".avsc", ".avpr", ".avdl"])!;
        AvroSourceLoader.Resolve(files);
        var file = files[0];
        if (file.Error is { } error) throw error;
        return (RecordSchema)file.Schema!;
    }

    public static AvroSchema Inline(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AvroSchemaParser().Parse(document.RootElement);
    }
}
