using System.Text.Json.Nodes;
using Catalog.Domain.Entities;
using Catalog.Plugins.Descriptors.Yaml;
using Catalog.Plugins.Harvesting;
using YamlDotNet.RepresentationModel;

namespace Catalog.Plugins.Descriptors.Backstage;

/// <summary>
/// Backstage kinds (Component, System, Domain, Group, User, Resource, API, Location, and any other kind such as
/// Environment or Template, kept as a generic entity) → entities, owners and relations.
/// </summary>
public sealed class BackstageEntityMapper : IDescriptorMapper
{
    public bool Handles(DescriptorDocument document) => DescriptorApiVersions.IsBackstage(document.ApiVersion);

    public MappedDocument Map(DescriptorDocument document)
    {
        var mapped = new MappedDocument(document);
        var root = new YamlMap(document.Root, "", mapped.Problems);
        var kind = root.String("kind", required: true);
        if (kind is not null && !BackstageNames.IsValidKind(kind))
        {
            root.Problem("kind", $"'{kind}' is not a valid kind: expected letters and digits, starting with a letter");
            kind = null;
        }
        var metadata = root.Map("metadata", required: true);
        var spec = root.Map("spec") ?? new YamlMap(new YamlMappingNode(), "spec", mapped.Problems);
        if (kind is null || metadata is null) return mapped;

        var name = metadata.String("name", required: true);
        var @namespace = metadata.String("namespace") ?? "default";
        mapped.Label = $"{kind} '{name}'";
        if (name is not null && !BackstageNames.IsValidName(name))
            metadata.Problem("name", $"'{name}' is not a valid name: expected {BackstageNames.NameRule}");
        if (!BackstageNames.IsValidNamespace(@namespace))
            metadata.Problem("namespace", $"'{@namespace}' is not a valid namespace: expected {BackstageNames.NamespaceRule}");
        var tags = ReadTags(metadata);
        foreach (var field in BackstageRelations.RequiredSpecFields.GetValueOrDefault(kind, []))
            if (spec.Get(field) is null) spec.Problem(field, $"is required for kind {kind}");
        if (kind == "Location") ReadTargets(spec, mapped);
        if (mapped.Rejected || name is null) return mapped;

        var self = new EntityRef(BackstageNames.ToCatalogKind(kind), @namespace, name);
        mapped.Ref = self;
        var relations = ReadRelations(spec, self, mapped);
        var owner = relations.FirstOrDefault(r => r.Type == "ownedBy" && r.From == self)?.To;
        var profile = spec.Map("profile");
        mapped.Items.Add(new EntityFound(new CatalogEntity
        {
            Ref = self,
            Title = MetadataLimits.Truncate(metadata.String("title") ?? profile?.String("displayName"), MetadataLimits.Title),
            Description = MetadataLimits.Truncate(metadata.String("description"), MetadataLimits.Description),
            Owner = owner,
            Lifecycle = spec.String("lifecycle") == "deprecated" ? Lifecycle.Deprecated : Lifecycle.Active,
            Tags = tags,
        }));
        if (mapped.Rejected) return mapped;
        mapped.Items.AddRange(relations);
        mapped.Items.Add(new FacetFound(self, "backstage", YamlJson.ToElement(Facet(document, metadata, spec))));
        return mapped;
    }

    private static List<string> ReadTags(YamlMap metadata)
    {
        var tags = new List<string>();
        foreach (var (tag, at, path) in metadata.Strings("tags"))
        {
            if (BackstageNames.IsValidTag(tag)) tags.Add(tag);
            else metadata.Problems.Add(at, path, $"'{tag}' is not a valid tag: expected {BackstageNames.TagRule}");
        }
        return tags.Take(MetadataLimits.Tags).ToList();
    }

    private static void ReadTargets(YamlMap spec, MappedDocument mapped)
    {
        foreach (var key in new[] { "target", "targets" })
            foreach (var (target, at, path) in spec.Strings(key, allowSingle: true))
                mapped.Targets.Add(new LocationTarget(target, at, path));
        if (mapped.Targets.Count == 0 && !mapped.Rejected)
            spec.Problem("targets", "a Location needs spec.target or spec.targets: expected a path relative to this file");
    }

    private static List<RelationFound> ReadRelations(YamlMap spec, EntityRef self, MappedDocument mapped)
    {
        var relations = new List<RelationFound>();
        foreach (var rule in BackstageRelations.Rules)
        {
            foreach (var (text, at, path) in spec.Strings(rule.Field, allowSingle: rule.Single))
            {
                // Backstage resolves a reference without a namespace in the declaring entity's namespace.
                if (!BackstageRef.TryParse(text, rule.DefaultKind, self.Namespace, out var other, out var error))
                {
                    mapped.Problems.Add(at, path, error!);
                    continue;
                }
                relations.Add(rule.FromThis ? new RelationFound(self, rule.Relation, other) : new RelationFound(other, rule.Relation, self));
            }
        }
        return relations;
    }

    /// <summary>What the model has no columns for, kept verbatim: type, lifecycle, profile, links, labels, annotations, API definition.</summary>
    private static JsonObject Facet(DescriptorDocument document, YamlMap metadata, YamlMap spec)
    {
        var facet = new JsonObject { ["apiVersion"] = document.ApiVersion, ["kind"] = document.Kind };
        foreach (var key in new[] { "labels", "annotations", "links" })
            if (metadata.Get(key) is { } node) facet[key] = YamlJson.ToJson(node);
        foreach (var key in new[] { "type", "lifecycle", "profile", "definition" })
            if (spec.Get(key) is { } node) facet[key] = YamlJson.ToJson(node);
        if (facet["definition"] is JsonValue definition && definition.TryGetValue<string>(out var text) && text.Length > MaxDefinitionChars)
            facet["definition"] = text[..MaxDefinitionChars] + $"\n… (truncated: {text.Length:N0} characters, the catalog keeps {MaxDefinitionChars:N0})";
        return facet;
    }

    // Facets are bounded per entity (MetadataLimits.FacetsBytes); an API definition is the only big part.
    private const int MaxDefinitionChars = MetadataLimits.FacetsBytes / 4;
}
