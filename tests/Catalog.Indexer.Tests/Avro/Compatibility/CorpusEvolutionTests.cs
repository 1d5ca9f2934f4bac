using Catalog.Domain.Schemas;
using Catalog.Plugins.Avro.Compatibility;

namespace Catalog.Indexer.Tests.Avro.Compatibility;

/// <summary>Compatibility of the corpus's real schema evolutions, classified with Avro's resolution rules.</summary>
public sealed class CorpusEvolutionTests
{
    [Fact]
    public void Customer_good_evolution_adds_an_optional_field_and_stays_fully_compatible()
    {
        var before = AvroCorpusSchemas.Record("evolution", "confluent-vscode-customer", "customer.avsc");
        var after = AvroCorpusSchemas.Record("evolution", "confluent-vscode-customer", "customer_good_evolution.avsc");

        var report = CompatibilityReport.Compare(before, after);

        // Full includes backward: new readers fill 'age' with its null default; old readers skip it.
        Assert.Equal(SchemaCompatibility.Full, report.Compatibility);
        Assert.Contains("added field 'age' (union<null, int>) with default null", report.Changes);
    }

    [Fact]
    public void Customer_bad_evolution_replaces_the_record_and_is_breaking()
    {
        var before = AvroCorpusSchemas.Record("evolution", "confluent-vscode-customer", "customer.avsc");
        var after = AvroCorpusSchemas.Record("evolution", "confluent-vscode-customer", "customer_bad_evolution.avsc");

        var report = CompatibilityReport.Compare(before, after, ignoreTopLevelName: true);

        Assert.Equal(SchemaCompatibility.Breaking, report.Compatibility);
        Assert.Contains("added required field 'foo' (string) without a default", report.Changes);
        Assert.Contains("removed field 'email' (string), which had no default", report.Changes);
    }

    [Fact]
    public void Maven_plugin_User_2012_to_2018_cannot_be_read_by_new_readers_because_time_has_no_default()
    {
        var before = AvroCorpusSchemas.Record("evolution", "apache-avro-maven-plugin-User", "v1_User_2012.avsc");
        var after = AvroCorpusSchemas.Record("evolution", "apache-avro-maven-plugin-User", "v2_User_2018.avsc");

        var report = CompatibilityReport.Compare(before, after);

        // Data written with 2012 cannot be read with 2018: the break is in the backward direction. Old readers
        // simply skip 'time', so by Avro's rules the change is forward-compatible only (not full, not backward).
        Assert.Equal(SchemaCompatibility.Forward, report.Compatibility);
        Assert.Contains("added required field 'time' (long (timestamp-millis)) without a default", report.Changes);
        Assert.Contains(report.Changes, c => c.StartsWith("not backward compatible", StringComparison.Ordinal) && c.Contains("time: the reader's field has no default", StringComparison.Ordinal));
    }

    [Fact]
    public void Full_record_v1_to_v2_narrows_a_long_to_an_int_and_is_breaking()
    {
        var before = AvroCorpusSchemas.Record("evolution", "apache-avro-full_record", "v1_full_record_v1.avsc");
        var after = AvroCorpusSchemas.Record("evolution", "apache-avro-full_record", "v2_full_record_v2.avsc");

        var report = CompatibilityReport.Compare(before, after, ignoreTopLevelName: true);

        Assert.Equal(SchemaCompatibility.Breaking, report.Compatibility);
        Assert.Contains("field 'i64': type changed long → int", report.Changes);
        Assert.Contains("field 'f64': type changed double → long", report.Changes);
        Assert.Contains(report.Changes, c => c.Contains("i64: the writer's long cannot be read as int", StringComparison.Ordinal));
        // long → double is a promotion, so reading v2's f64 with v1 is fine; f32's new null branch is not.
        Assert.DoesNotContain(report.Changes, c => c.Contains("forward", StringComparison.Ordinal) && c.Contains("f64", StringComparison.Ordinal));
        Assert.Contains(report.Changes, c => c.StartsWith("not forward compatible", StringComparison.Ordinal) && c.Contains("f32", StringComparison.Ordinal));
    }

    [Fact]
    public void Full_record_v1_to_v2_is_breaking_on_the_record_rename_alone_under_strict_avro_names()
    {
        var before = AvroCorpusSchemas.Record("evolution", "apache-avro-full_record", "v1_full_record_v1.avsc");
        var after = AvroCorpusSchemas.Record("evolution", "apache-avro-full_record", "v2_full_record_v2.avsc");

        var report = CompatibilityReport.Compare(before, after);

        Assert.Contains("the schema: type renamed org.apache.avro.specific.test.FullRecordV1 → org.apache.avro.specific.test.FullRecordV2", report.Changes);
        Assert.Contains(report.Changes, c => c.Contains("does not match the reader's", StringComparison.Ordinal));
    }

    [Fact]
    public void Widget_to_newwidget_renames_size_to_height_without_alias_and_is_breaking()
    {
        var widget = AvroCorpusSchemas.Record("confluent-schema-registry", "schema-rules", "widget.avsc");
        var newWidget = AvroCorpusSchemas.Record("confluent-schema-registry", "schema-rules", "newwidget.avsc");
        var newerWidget = AvroCorpusSchemas.Record("confluent-schema-registry", "schema-rules", "newerwidget.avsc");

        var first = CompatibilityReport.Compare(widget, newWidget, ignoreTopLevelName: true);
        var second = CompatibilityReport.Compare(newWidget, newerWidget, ignoreTopLevelName: true);

        Assert.Equal(SchemaCompatibility.Breaking, first.Compatibility);
        Assert.Contains("added required field 'height' (int) without a default", first.Changes);
        Assert.Contains("removed field 'size' (int), which had no default", first.Changes);
        Assert.Equal(SchemaCompatibility.Breaking, second.Compatibility);
        Assert.Contains("added required field 'length' (int) without a default", second.Changes);
    }

    [Fact]
    public void Extended_user_adds_a_required_age_so_only_old_readers_can_read_new_data()
    {
        var user = AvroCorpusSchemas.Record("confluent-schema-registry", "avro-serializer", "user.avsc");
        var extended = AvroCorpusSchemas.Record("confluent-schema-registry", "avro-serializer", "extended_user.avsc");

        var sameSubject = CompatibilityReport.Compare(user, extended, ignoreTopLevelName: true);
        var strictNames = CompatibilityReport.Compare(user, extended);

        Assert.Equal(SchemaCompatibility.Forward, sameSubject.Compatibility);
        Assert.Contains("added required field 'age' (int) without a default", sameSubject.Changes);
        Assert.Contains("added field 'updatedAt' (union<null, long (timestamp-millis)>) with default null", sameSubject.Changes);
        Assert.Equal(SchemaCompatibility.Breaking, strictNames.Compatibility);
    }
}
