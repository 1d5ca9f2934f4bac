namespace Catalog.Plugins.Descriptors.Yaml;

/// <summary>Which apiVersions are descriptors: Backstage's (<c>backstage.io/*</c>, <c>*.backstage.io/*</c>) and this catalog's (<c>catalog.dev/*</c>).</summary>
public static class DescriptorApiVersions
{
    public const string CatalogV1 = "catalog.dev/v1";

    public static bool IsBackstage(string apiVersion) =>
        apiVersion.StartsWith("backstage.io/", StringComparison.Ordinal) ||
        (apiVersion.Split('/')[0] is var group && group.EndsWith(".backstage.io", StringComparison.Ordinal));

    public static bool IsCatalog(string apiVersion) => apiVersion.StartsWith("catalog.dev/", StringComparison.Ordinal);

    public static bool IsDescriptor(string apiVersion) => IsBackstage(apiVersion) || IsCatalog(apiVersion);

    public static bool AppearsIn(string text) =>
        text.Contains("backstage.io/", StringComparison.Ordinal) || text.Contains("catalog.dev/", StringComparison.Ordinal);
}
