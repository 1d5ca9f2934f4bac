using YamlDotNet.RepresentationModel;

namespace Catalog.Plugins.Descriptors.Yaml;

/// <summary>One YAML document of a descriptor file that declares an apiVersion this harvester reads.</summary>
public sealed record DescriptorDocument(int Index, YamlMappingNode Root, string ApiVersion, string Kind)
{
    public int Line => (int)Root.Start.Line;
}
