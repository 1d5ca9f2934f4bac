using Catalog.Domain.Entities;
using Catalog.Plugins.Descriptors.Backstage;
using Catalog.Plugins.Descriptors.Yaml;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary>The metadata block of a catalog.dev document: name, namespace, title, description, tags (and labels/annotations kept as a facet).</summary>
public sealed record CatalogMetadata(EntityRef Ref, string? Title, string? Description, IReadOnlyList<string> Tags, YamlMap Map)
{
    public static readonly string[] Keys = ["name", "namespace", "title", "description", "tags", "labels", "annotations", "links"];

    public static CatalogMetadata? Read(YamlMap root, string kind, MappedDocument mapped)
    {
        var metadata = root.Map("metadata", required: true);
        if (metadata is null) return null;
        metadata.RejectUnknownKeys(Keys);
        var name = metadata.String("name", required: true);
        var @namespace = metadata.String("namespace") ?? "default";
        mapped.Label = $"{mapped.Document.Kind} '{@namespace}:{name}'";
        if (name is null) return null;
        if (!CatalogNames.IsValid(kind, @namespace, name))
        {
            metadata.Problem(metadata.Get("namespace") is null ? "name" : "namespace",
                $"'{@namespace}' / '{name}' cannot name a {kind}: expected {CatalogNames.Rule}");
            return null;
        }
        var tags = new List<string>();
        foreach (var (tag, at, path) in metadata.Strings("tags"))
        {
            if (BackstageNames.IsValidTag(tag)) tags.Add(tag);
            else mapped.Problems.Add(at, path, $"'{tag}' is not a valid tag: expected {BackstageNames.TagRule}");
        }
        return new CatalogMetadata(
            new EntityRef(kind, @namespace, name),
            MetadataLimits.Truncate(metadata.String("title"), MetadataLimits.Title),
            MetadataLimits.Truncate(metadata.String("description"), MetadataLimits.Description),
            tags.Take(MetadataLimits.Tags).ToList(),
            metadata);
    }
}
