namespace Catalog.Web.SampleCatalog;

/// <summary><c>Catalog:SampleCatalog</c>: what a first start harvests so a new user sees a living portal.</summary>
public sealed class SampleCatalogOptions
{
    public const string Section = "Catalog:SampleCatalog";

    /// <summary>Harvest the sample into a catalog that has no entities yet.</summary>
    public bool SeedOnFirstStart { get; set; } = true;

    /// <summary>The sample's folder; default <c>samples/catalog</c> in the repository.</summary>
    public string? Path { get; set; }
}
