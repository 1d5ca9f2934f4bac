using Catalog.Plugins.Descriptors.Yaml;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary>Answers for catalog.dev documents no other mapper took: an unknown kind or apiVersion is an error, not silence.</summary>
public sealed class UnsupportedCatalogKindMapper : IDescriptorMapper
{
    public static readonly string[] Kinds = ["Dataset", "Workflow"];

    public bool Handles(DescriptorDocument document) => DescriptorApiVersions.IsCatalog(document.ApiVersion);

    public MappedDocument Map(DescriptorDocument document)
    {
        var mapped = new MappedDocument(document);
        var root = new YamlMap(document.Root, "", mapped.Problems);
        if (document.ApiVersion != DescriptorApiVersions.CatalogV1)
            root.Problem("apiVersion", $"'{document.ApiVersion}' is not supported: expected {DescriptorApiVersions.CatalogV1}");
        else
            root.Problem("kind", $"'{document.Kind}' is not a {DescriptorApiVersions.CatalogV1} kind: expected {string.Join(" or ", Kinds)}");
        return mapped;
    }
}
