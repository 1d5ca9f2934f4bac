using Catalog.Domain.Entities;

namespace Catalog.Domain.Tests.Entities;

public sealed class EntityRefTests
{
    [Theory]
    [InlineData("dataset:food_delivery:public.orders", "dataset", "food_delivery", "public.orders")]
    [InlineData("dataset:postgres://db.example.com:5432:food_delivery.public.orders", "dataset", "postgres://db.example.com:5432", "food_delivery.public.orders")]
    [InlineData("dataset:gs://tunewave-raw:/playback/hourly", "dataset", "gs://tunewave-raw", "/playback/hourly")]
    [InlineData("dataset:kafka://events:9092:playback.events", "dataset", "kafka://events:9092", "playback.events")]
    [InlineData("job:tunewave-analytics:load_plays_hourly", "job", "tunewave-analytics", "load_plays_hourly")]
    [InlineData("dataset:bigquery:project.dataset.table:with:colons", "dataset", "bigquery", "project.dataset.table:with:colons")]
    public void Parsing_splits_kind_namespace_and_name_the_way_Marquez_node_ids_read(string text, string kind, string ns, string name)
    {
        var parsed = EntityRef.Parse(text);

        Assert.Equal((kind, ns, name), (parsed.Kind, parsed.Namespace, parsed.Name));
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("dataset")]
    [InlineData("dataset:onlynamespace")]
    [InlineData("dataset:ns:")]
    [InlineData(":ns:name")]
    [InlineData("Data Set:ns:name")]
    [InlineData("dataset:gs://bucket-without-name")]
    public void Malformed_references_are_rejected(string text)
    {
        Assert.False(EntityRef.TryParse(text, out _));
        Assert.Throws<FormatException>(() => EntityRef.Parse(text));
    }

    [Fact]
    public void Parts_longer_than_the_limit_are_refused()
    {
        var longName = new string('x', EntityRef.MaxPartLength + 1);

        Assert.Throws<ArgumentException>(() => new EntityRef("dataset", "ns", longName));
        Assert.False(EntityRef.TryParse($"dataset:ns:{longName}", out _));
    }

    [Fact]
    public void Equal_parts_make_equal_references()
    {
        Assert.Equal(EntityRef.Dataset("music", "plays"), EntityRef.Parse("dataset:music:plays"));
        Assert.NotEqual(EntityRef.Dataset("music", "plays"), EntityRef.Job("music", "plays"));
    }
}
