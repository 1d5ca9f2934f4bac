using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Indexer.Tests.Descriptors;
using Catalog.Plugins.Harvesting;
using Npgsql;

namespace Catalog.Indexer.Tests.PostgresIntrospection;

/// <summary>The postgres harvester over pagila (corpus postgres/pagila), loaded into the test cluster.</summary>
public sealed class PagilaIntrospectionTests
{
    private static readonly Lazy<Task<(RecordingHarvestSink Sink, string Namespace)>> Harvest = new(async () =>
    {
        var connectionString = await SampleDatabases.PagilaAsync();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return (await PostgresHarvest.RunAsync(connectionString), $"postgres://{builder.Host}:{builder.Port}");
    });

    private static async Task<(RecordingHarvestSink Sink, Func<string, EntityRef> Dataset)> HarvestAsync()
    {
        var (sink, ns) = await Harvest.Value;
        var database = new NpgsqlConnectionStringBuilder(await SampleDatabases.PagilaAsync()).Database;
        return (sink, table => EntityRef.Dataset(ns, $"{database}.public.{table}"));
    }

    [Fact]
    public async Task Datasets_are_named_the_OpenLineage_way_with_host_port_namespace_and_database_schema_table()
    {
        var (sink, dataset) = await HarvestAsync();

        var film = sink.ItemsOf<DatasetFound>().Single(d => d.Dataset.Entity.Ref == dataset("film")).Dataset;
        Assert.StartsWith("postgres://127.0.0.1:", film.Entity.Ref.Namespace, StringComparison.Ordinal);
        Assert.Equal("postgres", film.Entity.Platform);
        Assert.Equal(dataset("film").Name, film.Entity.Location);
    }

    [Fact]
    public async Task Columns_carry_types_nullability_and_primary_key_tags()
    {
        var (sink, dataset) = await HarvestAsync();

        var film = sink.ItemsOf<DatasetFound>().Single(d => d.Dataset.Entity.Ref == dataset("film")).Dataset;
        var filmId = film.Fields.Single(f => f.Name == "film_id");
        Assert.Equal("integer", filmId.Type);
        Assert.False(filmId.Nullable);
        Assert.Contains("primary-key", filmId.Tags);
        Assert.Equal("text", film.Fields.Single(f => f.Name == "description").Type);
        Assert.True(film.Fields.Single(f => f.Name == "description").Nullable);
        Assert.Equal("mpaa_rating", film.Fields.Single(f => f.Name == "rating").Type); // an enum type
        Assert.Equal("numeric(4,2)", film.Fields.Single(f => f.Name == "rental_rate").Type);
    }

    [Fact]
    public async Task Payment_is_a_partitioned_table_with_seven_monthly_partitions_and_their_rows()
    {
        var (sink, dataset) = await HarvestAsync();

        var partitions = sink.ItemsOf<PartitionFound>().Where(p => p.Dataset == dataset("payment")).Select(p => p.Partition).ToList();
        Assert.Equal(["payment_p2022_01", "payment_p2022_02", "payment_p2022_03", "payment_p2022_04", "payment_p2022_05", "payment_p2022_06", "payment_p2022_07"],
            partitions.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(16049, partitions.Sum(p => p.RowCount));
        Assert.All(partitions, p => Assert.True(p.Bytes > 0));
        Assert.Contains(new RelationFound(dataset("payment_p2022_03"), "partOf", dataset("payment")), sink.ItemsOf<RelationFound>());
        Assert.Contains("partitioned-table", sink.ItemsOf<DatasetFound>().Single(d => d.Dataset.Entity.Ref == dataset("payment")).Dataset.Entity.Tags);
    }

    [Fact]
    public async Task Rental_row_estimate_is_its_16044_rows_after_analyze()
    {
        var (sink, dataset) = await HarvestAsync();

        var rental = Assert.Single(sink.ItemsOf<PartitionFound>(), p => p.Dataset == dataset("rental")).Partition;
        Assert.Equal("all", rental.Key);
        Assert.Equal(16044, rental.RowCount);
        Assert.True(rental.Bytes > 1_000_000, $"rental with its indexes is over a megabyte, got {rental.Bytes}");
    }

    [Fact]
    public async Task The_film_list_view_is_derived_from_the_tables_its_query_reads()
    {
        var (sink, dataset) = await HarvestAsync();

        var sources = sink.ItemsOf<LineageFound>().Where(l => l.Edge.To == dataset("film_list")).Select(l => l.Edge).ToList();
        Assert.All(sources, e => Assert.Equal(LineageEdgeKind.DerivedFrom, e.Kind));
        Assert.Equal(["actor", "category", "film", "film_actor", "film_category"], sources.Select(e => e.From.Name.Split('.')[^1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Views_and_the_materialized_view_are_harvested_with_their_kind()
    {
        var (sink, _) = await HarvestAsync();

        var tags = sink.ItemsOf<DatasetFound>().GroupBy(d => d.Dataset.Entity.Tags[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, tags["view"]);
        Assert.Equal(1, tags["materialized-view"]);
        Assert.Equal(7, tags["partition"]);
        Assert.Contains(sink.ItemsOf<LineageFound>(), l => l.Edge.To.Name.EndsWith(".rental_by_category", StringComparison.Ordinal) && l.Edge.From.Name.EndsWith(".payment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Foreign_keys_become_references_relations()
    {
        var (sink, dataset) = await HarvestAsync();

        Assert.Contains(new RelationFound(dataset("rental"), "references", dataset("inventory")), sink.ItemsOf<RelationFound>());
        Assert.Contains(new RelationFound(dataset("rental"), "references", dataset("customer")), sink.ItemsOf<RelationFound>());
        Assert.Contains("foreign-key", sink.ItemsOf<DatasetFound>().Single(d => d.Dataset.Entity.Ref == dataset("rental")).Dataset.Fields.Single(f => f.Name == "inventory_id").Tags);
    }

    [Fact]
    public async Task The_whole_database_is_one_input_without_credentials_in_its_location()
    {
        var (sink, _) = await Harvest.Value;
        var password = new NpgsqlConnectionStringBuilder(await SampleDatabases.PagilaAsync()).Password!;

        var batch = Assert.Single(sink.Batches);
        Assert.True(batch.Committed);
        Assert.Matches("^postgres://127\\.0\\.0\\.1:[0-9]+/e[0-9]+_[0-9]+_pagila$", batch.Input.Location);
        Assert.DoesNotContain(password, System.Text.Encoding.UTF8.GetString(batch.Input.Content.Span), StringComparison.Ordinal);
        Assert.Empty(sink.AllErrors);
    }
}
