using Catalog.Domain.Schemas;
using Catalog.Plugins.Avro.Compatibility;

namespace Catalog.Indexer.Tests.Avro.Compatibility;

/// <summary>The individual rules of Avro schema resolution, each on a minimal pair of schemas.</summary>
public sealed class ResolutionRuleTests
{
    private static SchemaCompatibility Classify(string fieldBefore, string fieldAfter) =>
        CompatibilityReport.Compare(
            AvroCorpusSchemas.Inline($$"""{"type":"record","name":"R","fields":[{{fieldBefore}}]}"""),
            AvroCorpusSchemas.Inline($$"""{"type":"record","name":"R","fields":[{{fieldAfter}}]}""")).Compatibility;

    [Theory]
    [InlineData("int", "long")]
    [InlineData("int", "double")]
    [InlineData("long", "float")]
    [InlineData("float", "double")]
    public void Widening_a_number_is_a_promotion_new_readers_accept(string before, string after) =>
        Assert.Equal(SchemaCompatibility.Backward, Classify($$"""{"name":"n","type":"{{before}}"}""", $$"""{"name":"n","type":"{{after}}"}"""));

    [Fact]
    public void String_and_bytes_promote_both_ways_so_switching_is_fully_compatible() =>
        Assert.Equal(SchemaCompatibility.Full, Classify("""{"name":"s","type":"string"}""", """{"name":"s","type":"bytes"}"""));

    [Fact]
    public void Changing_int_to_string_is_breaking() =>
        Assert.Equal(SchemaCompatibility.Breaking, Classify("""{"name":"n","type":"int"}""", """{"name":"n","type":"string"}"""));

    [Fact]
    public void Adding_a_union_branch_lets_new_readers_read_old_data_only() =>
        Assert.Equal(SchemaCompatibility.Backward, Classify("""{"name":"u","type":["null","string"]}""", """{"name":"u","type":["null","string","int"]}"""));

    [Fact]
    public void Adding_an_enum_symbol_breaks_old_readers_without_an_enum_default() =>
        Assert.Equal(SchemaCompatibility.Backward, Classify(
            """{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}}""",
            """{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B","C"]}}"""));

    [Fact]
    public void An_enum_default_lets_old_readers_map_unknown_symbols() =>
        Assert.Equal(SchemaCompatibility.Full, Classify(
            """{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"],"default":"A"}}""",
            """{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B","C"],"default":"A"}}"""));

    [Fact]
    public void Renaming_a_field_with_an_alias_keeps_new_readers_working()
    {
        var report = CompatibilityReport.Compare(
            AvroCorpusSchemas.Inline("""{"type":"record","name":"R","fields":[{"name":"size","type":"int"}]}"""),
            AvroCorpusSchemas.Inline("""{"type":"record","name":"R","fields":[{"name":"height","type":"int","aliases":["size"]}]}"""));

        Assert.Equal(SchemaCompatibility.Backward, report.Compatibility);
        Assert.Contains("field 'size' renamed to 'height' (alias)", report.Changes);
    }

    [Fact]
    public void Renaming_a_record_with_an_alias_for_the_old_name_resolves()
    {
        var report = CompatibilityReport.Compare(
            AvroCorpusSchemas.Inline("""{"type":"record","name":"a.Old","fields":[{"name":"x","type":"int"}]}"""),
            AvroCorpusSchemas.Inline("""{"type":"record","name":"a.New","aliases":["a.Old"],"fields":[{"name":"x","type":"int"}]}"""));

        Assert.Equal(SchemaCompatibility.Backward, report.Compatibility);
    }

    [Fact]
    public void A_recursive_record_compares_without_looping()
    {
        const string tree = """{"type":"record","name":"Node","fields":[{"name":"children","type":{"type":"array","items":"Node"}}]}""";
        var report = CompatibilityReport.Compare(AvroCorpusSchemas.Inline(tree), AvroCorpusSchemas.Inline(tree));

        Assert.Equal(SchemaCompatibility.Full, report.Compatibility);
        Assert.Empty(report.Changes);
    }
}
