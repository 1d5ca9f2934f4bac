using Catalog.Plugins.Avro.Canonical;

namespace Catalog.Indexer.Tests.Avro.Canonical;

public sealed class CanonicalFormTests
{
    [Fact]
    public void Canonical_form_strips_docs_and_defaults_orders_attributes_and_uses_full_names()
    {
        var schema = AvroCorpusSchemas.Inline("""
            {"fields":[{"doc":"d","default":1,"type":{"type":"int"},"name":"x"},{"name":"e","type":{"type":"enum","name":"E","symbols":["A"]}},{"name":"again","type":"E"}],
             "type":"record","namespace":"a","name":"R","doc":"ignored"}
            """);

        Assert.Equal("""{"name":"a.R","type":"record","fields":[{"name":"x","type":"int"},{"name":"e","type":{"name":"a.E","type":"enum","symbols":["A"]}},{"name":"again","type":"a.E"}]}""",
            AvroSchemaWriter.Canonical(schema));
    }

    [Fact]
    public void Reformatting_or_redocumenting_a_schema_keeps_its_fingerprint()
    {
        var compact = AvroCorpusSchemas.Inline("""{"type":"record","name":"R","fields":[{"name":"x","type":"int"}]}""");
        var verbose = AvroCorpusSchemas.Inline("""{ "name" : "R", "doc": "now documented", "type" : "record", "fields" : [ { "name": "x", "type": {"type": "int"}, "default": 0 } ] }""");

        Assert.Equal(SchemaFingerprint.Sha256(compact), SchemaFingerprint.Sha256(verbose));
    }

    [Fact]
    public void Crc64_avro_fingerprints_match_the_avro_reference_values()
    {
        Assert.Equal(7195948357588979594UL, SchemaFingerprint.Rabin("\"null\""));
        Assert.Equal(0x7275d51a3f395c8fUL, SchemaFingerprint.Rabin("\"int\""));
    }

    [Fact]
    public void The_full_definition_round_trips_to_the_same_canonical_form()
    {
        var original = AvroCorpusSchemas.Record("apache-avro", "java-tests", "avro", "multipleFile", "ApplicationEvent.avsc");

        var reparsed = AvroCorpusSchemas.Inline(AvroSchemaWriter.Full(original));

        Assert.Equal(AvroSchemaWriter.Canonical(original), AvroSchemaWriter.Canonical(reparsed));
    }
}
