using Catalog.Plugins.Descriptors.Backstage;
using Catalog.Plugins.Descriptors.CatalogKinds;

namespace Catalog.Plugins.Descriptors;

/// <summary>The built-in mappers in the order they are asked; the first that handles a document maps it.</summary>
public static class DescriptorMappers
{
    public static IReadOnlyList<IDescriptorMapper> BuiltIn { get; } =
        [new DatasetDescriptorMapper(), new WorkflowDescriptorMapper(), new UnsupportedCatalogKindMapper(), new BackstageEntityMapper()];
}
