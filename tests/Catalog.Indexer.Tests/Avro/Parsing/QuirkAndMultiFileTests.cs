using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Avro.Parsing;

public sealed class QuirkAndMultiFileTests
{
    [Fact]
    public async Task Trailing_commas_in_csharp_perf_schema_are_tolerated_with_a_warning_that_names_the_line()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("apache-avro", "large", "csharp_perf_schema.avsc"));

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed);
        var warning = Assert.Single(batch.Errors);
        Assert.StartsWith("not strict JSON at line 33, column 5", warning.Reason, StringComparison.Ordinal);
        // It is really a protocol: its records become event types and the protocol an API.
        Assert.Contains(sink.All<EntityFound>(), e => e.Entity.Ref.ToString() == "api:com.foo:MyProtocol");
        var simple = sink.All<DatasetFound>().Single(d => d.Dataset.Entity.Ref.ToString() == "event-type:com.foo:Simple");
        Assert.Equal(["myInt", "myLong", "myBool", "myDouble", "myFloat", "myBytes", "myString", "myNull"], simple.Dataset.Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task A_record_referring_to_a_type_in_another_file_resolves_when_the_directory_is_harvested()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("apache-avro", "java-tests", "avro", "multipleFile"));

        Assert.All(sink.Batches, b => Assert.True(b.Committed, b.Failure?.ToString()));
        var application = sink.Batch("ApplicationEvent.avsc").Items.OfType<DatasetFound>()
            .Single(d => d.Dataset.Entity.Ref.ToString() == "event-type:model:ApplicationEvent");
        var documents = application.Dataset.Fields.Single(f => f.Name == "documents");
        Assert.Equal("array<model.DocumentInfo>", documents.Type);
        Assert.True(documents.Nullable);
        Assert.Equal("Document Path", application.Dataset.Fields.Single(f => f.Name == "documents.filePath").Description);
        Assert.Equal("Indicator for successful or unsuccessful call", application.Dataset.Fields.Single(f => f.Name == "response.isSuccessful").Description);
    }

    [Fact]
    public async Task A_single_file_resolves_named_types_from_its_directory_tree_without_harvesting_them()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("evolution", "apache-avro-maven-plugin-User", "v2_User_2018.avsc"));

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed, batch.Failure?.ToString());
        var user = batch.Items.OfType<DatasetFound>().Single();
        Assert.Equal("event-type:test:SchemaUser", user.Dataset.Entity.Ref.ToString());
        Assert.Equal("test.PrivacyDirectImport", user.Dataset.Fields.Single(f => f.Name == "privacyDirectImport").Type);
        Assert.Equal("long (timestamp-millis)", user.Dataset.Fields.Single(f => f.Name == "time").Type);
    }

    [Fact]
    public async Task Harvesting_the_whole_Avro_corpus_ingests_or_precisely_rejects_every_file()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File());

        Assert.Equal(Directory.EnumerateFiles(AvroTestHarvest.File(), "*.av*", SearchOption.AllDirectories).Count(), sink.Batches.Count);
        var failed = sink.Batches.Where(b => !b.Committed).ToList();
        Assert.All(failed, b => Assert.False(string.IsNullOrEmpty(b.Failure?.Position)));
        // Only the Avro C suite's deliberately invalid schemas fail.
        Assert.Equal(12, failed.Count);
        Assert.All(failed, b => Assert.Contains("/c-schema-tests/fail/", b.Input.Location, StringComparison.Ordinal));
    }
}
