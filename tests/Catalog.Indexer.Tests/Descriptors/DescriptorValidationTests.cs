using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>Invalid catalog.dev documents are rejected with file, line, field and what was expected; valid neighbours still land.</summary>
public sealed class DescriptorValidationTests
{
    private const string ValidDataset = """
        apiVersion: catalog.dev/v1
        kind: Dataset
        metadata:
          namespace: bigquery
          name: shop.sales.orders
        spec:
          platform: bigquery
          owner: group:sales
          schema:
            fields:
              - name: order_id
                type: STRING
        """;

    private static async Task<(RecordingHarvestSink Sink, List<HarvestError> Errors)> HarvestAsync(string yaml)
    {
        using var tree = new TempTree().With("descriptors.yaml", yaml);
        var sink = await DescriptorHarvest.RunAsync(tree.Root);
        return (sink, sink.AllErrors.ToList());
    }

    [Fact]
    public async Task A_misspelled_field_is_rejected_with_a_suggestion_and_the_next_document_still_lands()
    {
        var (sink, errors) = await HarvestAsync("""
            apiVersion: catalog.dev/v1
            kind: Dataset
            metadata:
              namespace: bigquery
              name: shop.sales.refunds
            spec:
              platform: bigquery
              owner: group:sales
              retension:
                keepDays: 30
            ---

            """ + ValidDataset);

        var error = Assert.Single(errors);
        Assert.Equal("descriptors.yaml", error.Location);
        Assert.Equal("line 9, column 3", error.Position);
        Assert.Contains("spec.retension: is not a known field (did you mean 'retention'?)", error.Reason, StringComparison.Ordinal);
        var landed = Assert.Single(sink.ItemsOf<DatasetFound>());
        Assert.Equal(EntityRef.Dataset("bigquery", "shop.sales.orders"), landed.Dataset.Entity.Ref);
    }

    [Fact]
    public async Task A_dataset_declared_less_sensitive_than_its_pii_column_is_rejected()
    {
        var (sink, errors) = await HarvestAsync(ValidDataset.Replace("  owner: group:sales", "  owner: group:sales\n  classification: internal", StringComparison.Ordinal)
            .Replace("type: STRING", "type: STRING\n        pii: true", StringComparison.Ordinal));

        var error = Assert.Single(errors);
        Assert.Contains("spec.classification: is internal but field 'order_id' is pii", error.Reason, StringComparison.Ordinal);
        Assert.Empty(sink.Items);
    }

    [Fact]
    public async Task Retention_needs_exactly_one_mode_and_keep_forever_needs_a_justification()
    {
        var (_, errors) = await HarvestAsync("""
            apiVersion: catalog.dev/v1
            kind: Dataset
            metadata: { namespace: bigquery, name: a.b.c }
            spec:
              platform: bigquery
              owner: sales
              retention:
                keepForever: true
            ---
            apiVersion: catalog.dev/v1
            kind: Dataset
            metadata: { namespace: bigquery, name: a.b.d }
            spec:
              platform: bigquery
              owner: sales
              retention: { keepDays: 30, keepLatest: 4 }
            """);

        Assert.Contains(errors, e => e.Reason.Contains("spec.retention.justification: Keeping data forever needs a written justification", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Position == "line 16, column 14" && e.Reason.Contains("declares keepDays and keepLatest: expected exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_schedule_says_which_part_is_wrong()
    {
        var (_, errors) = await HarvestAsync("""
            apiVersion: catalog.dev/v1
            kind: Workflow
            metadata: { namespace: shop, name: nightly }
            spec:
              owner: group:sales
              schedule:
                interval: cron
                cron: "0 25 * * *"
                timezone: Mars/Olympus_Mons
                deadline: soon
            """);

        Assert.Contains(errors, e => e.Position == "line 8, column 11" && e.Reason.Contains("has an invalid hour '25'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Reason.Contains("spec.schedule.timezone: 'Mars/Olympus_Mons' is not a known time zone", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Reason.Contains("spec.schedule.deadline: 'soon' is not a deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Column_lineage_may_only_connect_declared_inputs_to_declared_outputs()
    {
        var (sink, errors) = await HarvestAsync("""
            apiVersion: catalog.dev/v1
            kind: Workflow
            metadata: { namespace: shop, name: rollup }
            spec:
              owner: group:sales
              inputs: [bigquery:shop.sales.orders]
              outputs: [bigquery:shop.sales.daily]
              columnLineage:
                - output: bigquery:shop.sales.daily
                  field: total
                  from:
                    - { dataset: bigquery:shop.sales.refunds, field: amount }
                  transformation: SUMMING
            """);

        Assert.Contains(errors, e => e.Reason.Contains("spec.columnLineage[0].from[0].dataset: dataset:bigquery:shop.sales.refunds is not among spec.inputs", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Reason.Contains("spec.columnLineage[0].transformation: 'SUMMING' is not a transformation", StringComparison.Ordinal));
        Assert.Empty(sink.Items);
    }

    [Fact]
    public async Task An_unknown_catalog_kind_is_an_error_not_silence()
    {
        var (_, errors) = await HarvestAsync("apiVersion: catalog.dev/v1\nkind: Dashboard\nmetadata: { name: kpis }\n");

        Assert.Contains("'Dashboard' is not a catalog.dev/v1 kind: expected Dataset or Workflow", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_yaml_is_reported_where_the_parser_stopped_and_earlier_documents_land()
    {
        var (sink, errors) = await HarvestAsync(ValidDataset + "\n---\napiVersion: catalog.dev/v1\nkind: Dataset\nmetadata: [unclosed\n");

        Assert.Single(sink.ItemsOf<DatasetFound>());
        var error = Assert.Single(errors);
        Assert.Contains("is not valid YAML", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("line 1", error.Position, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_entity_declared_twice_keeps_the_first_and_points_at_it()
    {
        using var tree = new TempTree().With("a.yaml", ValidDataset).With("b.yaml", ValidDataset);
        var sink = await DescriptorHarvest.RunAsync(tree.Root);

        var error = Assert.Single(sink.AllErrors);
        Assert.Equal("b.yaml", error.Location);
        Assert.Contains("dataset:bigquery:shop.sales.orders is already declared in a.yaml line 1", error.Reason, StringComparison.Ordinal);
        Assert.Single(sink.ItemsOf<DatasetFound>());
    }

    [Fact]
    public async Task A_location_loop_is_reported_once_and_each_file_is_read_once()
    {
        const string location = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {{ name: {0} }}\nspec:\n  targets: [{1}]\n";
        using var tree = new TempTree()
            .With("a.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, location, "a", "./sub/b.yaml"))
            .With("sub/b.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, location, "b", "../a.yaml"));
        var sink = await DescriptorHarvest.RunAsync(Path.Combine(tree.Root, "a.yaml"));

        var error = Assert.Single(sink.AllErrors);
        Assert.Contains("Location loop: a.yaml → sub/b.yaml → a.yaml", error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, sink.Batches.Count);
    }

    [Fact]
    public async Task Non_descriptor_yaml_in_a_checkout_is_ignored()
    {
        using var tree = new TempTree()
            .With(".github/workflows/ci.yml", "on: push\njobs: {}\n")
            .With("deploy/app.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n")
            .With("charts/templates/x.yaml", "{{ if .Values.x }}\nkind: [\n")
            .With("catalog-info.yaml", ValidDataset);
        var sink = await DescriptorHarvest.RunAsync(tree.Root);

        Assert.Empty(sink.AllErrors);
        Assert.Equal([Path.Combine(tree.Root, "catalog-info.yaml")], sink.Batches.Select(b => b.Input.Location));
    }

    [Fact]
    public async Task A_target_that_does_not_exist_is_reported()
    {
        var sink = await DescriptorHarvest.RunAsync("/nonexistent/checkout");

        Assert.Contains("does not exist", Assert.Single(sink.Errors).Reason, StringComparison.Ordinal);
    }
}
