using Catalog.Plugins.Avro.Parsing;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Avro.Parsing;

public sealed class IdlAndProtocolTests
{
    [Fact]
    public async Task Echo_idl_yields_its_records_and_its_message_with_defaults_and_namespace()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("apache-avro", "test", "schemas", "echo.avdl"));

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed, batch.Failure?.ToString());
        var refs = batch.Items.OfType<DatasetFound>().Select(d => d.Dataset.Entity.Ref.ToString()).ToList();
        Assert.Equal(["event-type:org.apache.avro.echo:Ping", "event-type:org.apache.avro.echo:Pong", "event-type:org.apache.avro.echo:Echo.ping"], refs);
        var pong = batch.Items.OfType<DatasetFound>().Single(d => d.Dataset.Entity.Ref.Name == "Pong");
        Assert.Equal(["timestamp", "ping", "ping.timestamp", "ping.text"], pong.Dataset.Fields.Select(f => f.Name));
        var message = batch.Items.OfType<FacetFound>().Single(f => f.Name == "avroMessage");
        Assert.Equal("org.apache.avro.echo.Pong", message.Value.GetProperty("response").GetString());
    }

    [Theory]
    [InlineData("contexts.avdl", "PageView")]
    [InlineData("http.avdl", "Request")]
    [InlineData("nestedNullable.avdl", "RecordWithNullables")]
    [InlineData("schemaevolution.avdl", "NestedEvolve3")]
    [InlineData("social.avdl", "Person")]
    [InlineData("specialtypes.avdl", "Types")]
    [InlineData("stringables.avdl", "StringablesRecord")]
    public async Task Each_corpus_idl_file_is_parsed(string file, string record)
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("apache-avro", "test", "schemas", file));

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed, batch.Failure?.ToString());
        Assert.Contains(batch.Items.OfType<DatasetFound>(), d => d.Dataset.Entity.Ref.Name == record);
    }

    [Fact]
    public void Idl_with_a_syntax_error_reports_the_line_and_what_was_expected()
    {
        const string idl = "protocol P {\n  record R {\n    string name\n  }\n}";

        var error = Assert.Throws<AvroSchemaException>(() => AvroIdlParser.ToProtocolJson(idl));

        Assert.Equal("line 4, column 3", error.Path);
        Assert.Equal("expected ';', found '}'", error.Message);
    }

    [Fact]
    public void Idl_imports_are_reported_as_unsupported_not_crashed_on()
    {
        var error = Assert.Throws<AvroSchemaException>(() => AvroIdlParser.ToProtocolJson("protocol P { import idl \"other.avdl\"; }"));

        Assert.Equal("line 1, column 14", error.Path);
        Assert.Contains("'import' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protocol_file_yields_an_api_and_one_event_type_per_message()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("apache-avro", "test", "schemas", "simple.avpr"));

        Assert.Contains(sink.All<EntityFound>(), e => e.Entity.Ref.ToString() == "api:org.apache.avro.test:Simple");
        var hello = sink.All<DatasetFound>().Single(d => d.Dataset.Entity.Ref.ToString() == "event-type:org.apache.avro.test:Simple.hello");
        Assert.Equal("Send a greeting", hello.Dataset.Entity.Description);
        Assert.Equal("greeting", Assert.Single(hello.Dataset.Fields).Name);
        Assert.Contains(sink.All<RelationFound>(), r => r.From.ToString() == "event-type:org.apache.avro.test:TestRecord" && r.Type == "partOf");
    }

    [Fact]
    public void Idl_text_is_translated_into_protocol_json_with_logical_types_and_nullable_shorthand()
    {
        var json = AvroIdlParser.ToProtocolJson("@namespace(\"n\") protocol P { record R { date d; string? s = null; decimal(9,2) amount; } }").ToJsonString();

        Assert.Contains("\"namespace\":\"n\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"d\",\"type\":{\"type\":\"int\",\"logicalType\":\"date\"}}", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"s\",\"type\":[\"null\",\"string\"],\"default\":null}", json, StringComparison.Ordinal);
        Assert.Contains("\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2", json, StringComparison.Ordinal);
    }
}
