using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Avro.Parsing;

/// <summary>Avro C's schema-parser suite: every pass/ file harvests, every fail/ file is a precise error.</summary>
public sealed class CSchemaTestSuiteTests
{
    [Fact]
    public async Task Every_passing_schema_of_the_Avro_C_suite_is_harvested()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("apache-avro", "c-schema-tests", "pass"));

        Assert.Equal(28, sink.Batches.Count);
        Assert.All(sink.Batches, b => Assert.True(b.Committed, $"{b.Input.Location}: {b.Failure}"));
        var recursive = sink.All<DatasetFound>().Single(d => d.Dataset.Entity.Ref.ToString() == "event-type:avro:recursive");
        Assert.Equal(["label", "children"], recursive.Dataset.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData("enum_nonarray_symbols.avsc", "$.symbols", "expected an array of symbol names, got the string \"Normal Caution Critical\"")]
    [InlineData("enum_nonstring_name.avsc", "$.name", "expected a string, got an array")]
    [InlineData("enum_without_name.avsc", "line 2, column 3", "not valid JSON")]
    [InlineData("fixed_without_name.avsc", "$", "missing required attribute \"name\"")]
    [InlineData("fixed_without_size.avsc", "$.name", "'Missing size' is not a valid Avro name")]
    [InlineData("illegal_type.avsc", "$.type", "unknown type 'panther'")]
    [InlineData("invalid_avro_id.avsc", "$.name", "'2d2' is not a valid Avro name")]
    [InlineData("record_with_field_missing_name.avsc", "$.fields[0]", "missing required attribute \"name\"")]
    [InlineData("record_with_field_missing_type.avsc", "$.fields[0]", "missing required attribute \"type\"")]
    [InlineData("record_with_invalid_reference.avsc", "$.fields[1].type.items", "unknown type 'foobar'")]
    [InlineData("record_with_nonarray_fields.avsc", "line 3, column 3", "not valid JSON")]
    [InlineData("record_with_nonstring_name.avsc", "$.name", "expected a string, got an array")]
    public async Task Each_failing_schema_of_the_Avro_C_suite_fails_with_a_precise_position_and_reason(string file, string position, string reason)
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("apache-avro", "c-schema-tests", "fail", file));

        var batch = Assert.Single(sink.Batches);
        Assert.False(batch.Committed);
        Assert.NotNull(batch.Failure);
        Assert.EndsWith(file, batch.Failure.Location, StringComparison.Ordinal);
        Assert.Equal(position, batch.Failure.Position);
        Assert.Contains(reason, batch.Failure.Reason, StringComparison.Ordinal);
    }
}
