using Catalog.Plugins.Descriptors.Yaml;

namespace Catalog.Plugins.Descriptors;

/// <summary>Turns one family of descriptor documents into harvest items. Add a mapper to support new kinds.</summary>
public interface IDescriptorMapper
{
    bool Handles(DescriptorDocument document);

    MappedDocument Map(DescriptorDocument document);
}
