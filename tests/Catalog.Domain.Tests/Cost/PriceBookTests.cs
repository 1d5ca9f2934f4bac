using Catalog.Domain.Cost;

namespace Catalog.Domain.Tests.Cost;

public class PriceBookTests
{
    private static readonly PriceBook Book = new("USD",
        [
            new StoragePrice(null, null, 0.023m),
            new StoragePrice("gcs", null, 0.02m),
            new StoragePrice("gcs", "nearline", 0.01m),
            new StoragePrice(null, "archive", 0.002m),
        ],
        [new ComputePrice(null, 0.05m), new ComputePrice("spark", 0.048m, 8)]);

    [Theory]
    [InlineData("gcs", "nearline", 0.01)]
    [InlineData("GCS", "NEARLINE", 0.01)]
    [InlineData("gcs", "standard", 0.02)]
    [InlineData("gcs", null, 0.02)]
    [InlineData("s3", "archive", 0.002)]
    [InlineData("s3", null, 0.023)]
    [InlineData(null, null, 0.023)]
    public void Storage_price_comes_from_the_most_specific_matching_row(string? platform, string? storageClass, double expected) =>
        Assert.Equal((decimal)expected, Book.StoragePriceFor(platform, storageClass).PerGbMonth);

    [Fact]
    public void Compute_price_falls_back_to_the_row_without_platform()
    {
        Assert.Equal(8, Book.ComputePriceFor("Spark").Units);
        Assert.Equal(0.05m, Book.ComputePriceFor("dbt").PerUnitHour);
    }

    [Fact]
    public void Configured_overrides_replace_matching_rows_and_keep_the_others()
    {
        var changed = Book.With("EUR", [new StoragePrice("gcs", null, 0.03m), new StoragePrice("azure", null, 0.018m)], [new ComputePrice("spark", 0.1m, 4)]);
        Assert.Equal("EUR", changed.Currency);
        Assert.Equal(0.03m, changed.StoragePriceFor("gcs", "standard").PerGbMonth);
        Assert.Equal(0.01m, changed.StoragePriceFor("gcs", "nearline").PerGbMonth);
        Assert.Equal(0.018m, changed.StoragePriceFor("azure", null).PerGbMonth);
        Assert.Equal(0.4m, changed.ComputePriceFor("spark").PerUnitHour * changed.ComputePriceFor("spark").Units);
        Assert.Equal(0.02m, Book.StoragePriceFor("gcs", null).PerGbMonth);
    }

    [Fact]
    public void Negative_prices_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PriceBook("USD", [new StoragePrice("gcs", null, -1m)], []));
        Assert.Contains("negative", error.Message);
    }

    [Fact]
    public void The_default_book_prices_bigquery_scans_and_cold_storage_cheaper_than_standard()
    {
        var book = DefaultPrices.Book;
        Assert.Equal(6.25m, book.ComputePriceFor("bigquery").PerTbScanned);
        Assert.True(book.StoragePriceFor("gcs", "coldline").PerGbMonth < book.StoragePriceFor("gcs", null).PerGbMonth);
    }
}
