using Catalog.Domain.Schemas;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Avro;

/// <summary>Versions across harvests: the sink's latest schema per subject drives numbering and compatibility.</summary>
public sealed class VersioningTests
{
    [Fact]
    public async Task Customer_then_its_good_evolution_become_versions_1_and_2_of_one_subject()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("evolution", "confluent-vscode-customer", "customer.avsc"));
        await AvroTestHarvest.RunAsync(AvroTestHarvest.File("evolution", "confluent-vscode-customer", "customer_good_evolution.avsc"), sink);

        var versions = sink.All<SchemaVersionFound>().Select(v => v.Version).Where(v => v.Subject.ToString() == "event-type:examples:Customer").ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(SchemaCompatibility.Initial, versions[0].Compatibility);
        Assert.Equal(SchemaCompatibility.Full, versions[1].Compatibility);
        Assert.StartsWith("sha256:", versions[1].Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_subject_versions_a_replaced_record_and_classifies_it_breaking()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("evolution", "confluent-vscode-customer", "customer.avsc"));
        await AvroTestHarvest.RunAsync(AvroTestHarvest.File("evolution", "confluent-vscode-customer", "customer_bad_evolution.avsc"), sink,
            new Dictionary<string, string> { ["subject"] = "examples.Customer" });

        var second = sink.All<SchemaVersionFound>().Select(v => v.Version).Last(v => v.Subject.ToString() == "event-type:examples:Customer");
        Assert.Equal(2, second.Version);
        Assert.Equal(SchemaCompatibility.Breaking, second.Compatibility);
        Assert.Contains("the schema: type renamed examples.Customer → examples.Orders", second.Changes);
    }

    [Fact]
    public async Task The_maven_User_pair_harvested_as_a_directory_records_2018_as_version_2()
    {
        var sink = await AvroTestHarvest.RunAsync(AvroTestHarvest.File("evolution", "apache-avro-maven-plugin-User"));

        var versions = sink.All<SchemaVersionFound>().Select(v => v.Version).Where(v => v.Subject.ToString() == "event-type:test:SchemaUser").ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(SchemaCompatibility.Forward, versions[1].Compatibility);
        Assert.Contains("added required field 'time' (long (timestamp-millis)) without a default", versions[1].Changes);
    }

    [Fact]
    public async Task Harvesting_an_unchanged_file_again_adds_nothing()
    {
        var target = AvroTestHarvest.File("confluent-schema-registry", "avro-serializer", "user.avsc");
        var sink = await AvroTestHarvest.RunAsync(target);
        await AvroTestHarvest.RunAsync(target, sink);

        Assert.Single(sink.Batches);
        Assert.Single(sink.All<SchemaVersionFound>());
    }
}
