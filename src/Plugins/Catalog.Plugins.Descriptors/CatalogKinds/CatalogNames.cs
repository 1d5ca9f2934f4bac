using Catalog.Domain.Entities;
using Catalog.Plugins.Descriptors.Backstage;
using Catalog.Plugins.Descriptors.Yaml;
using YamlDotNet.Core;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary>
/// Names of catalog.dev kinds follow OpenLineage's naming, not Backstage's: a dataset's namespace is its data source
/// (<c>bigquery</c>, <c>gs://bucket</c>, <c>postgres://host:5432</c>, <c>kafka://broker:9092</c>) and its name the
/// table, path or topic, so a descriptor and the OpenLineage events about the same dataset meet on one entity.
/// </summary>
public static class CatalogNames
{
    public const string Rule = "1–1024 characters without whitespace; a namespace is a word such as 'analytics' or a URI 'scheme://authority'";

    /// <summary>True when kind:namespace:name survives the round trip through its string form.</summary>
    public static bool IsValid(string kind, string @namespace, string name)
    {
        if (@namespace.Length is 0 or > EntityRef.MaxPartLength || name.Length is 0 or > EntityRef.MaxPartLength) return false;
        if (@namespace.Any(char.IsWhiteSpace) || name.Any(char.IsWhiteSpace) || name.Any(char.IsControl)) return false;
        return EntityRef.TryParse($"{kind}:{@namespace}:{name}", out var parsed) && parsed.Namespace == @namespace && parsed.Name == name;
    }

    /// <summary>
    /// A dataset reference in a workflow: <c>bigquery:tunes-prod.listening.plays</c> (the <c>dataset:</c> prefix is
    /// optional) or a mapping with <c>namespace</c> and <c>name</c>.
    /// </summary>
    public static EntityRef? ReadDatasetRef(YamlDotNet.RepresentationModel.YamlNode node, string path, DescriptorProblems problems)
    {
        string? @namespace = null, name = null;
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } text })
        {
            var full = text.StartsWith(EntityKind.Dataset + ":", StringComparison.Ordinal) ? text : $"{EntityKind.Dataset}:{text}";
            if (EntityRef.TryParse(full, out var parsed) && parsed.Kind == EntityKind.Dataset) (@namespace, name) = (parsed.Namespace, parsed.Name);
            else
            {
                problems.Add(node.Start, path, $"'{text}' is not a dataset reference: expected namespace:name such as 'bigquery:project.dataset.table' or a mapping with namespace and name");
                return null;
            }
        }
        else if (node is YamlDotNet.RepresentationModel.YamlMappingNode mapping)
        {
            var map = new YamlMap(mapping, path, problems);
            map.RejectUnknownKeys(["namespace", "name"]);
            @namespace = map.String("namespace", required: true);
            name = map.String("name", required: true);
            if (@namespace is null || name is null) return null;
        }
        else
        {
            problems.Add(node.Start, path, $"expected a dataset reference (namespace:name or a mapping), got {YamlMap.Describe(node)}");
            return null;
        }
        if (IsValid(EntityKind.Dataset, @namespace!, name!)) return EntityRef.Dataset(@namespace!, name!);
        problems.Add(node.Start, path, $"'{@namespace}:{name}' is not a valid dataset reference: expected {Rule}");
        return null;
    }

    /// <summary>A group or user: Backstage reference syntax, defaulting to a group in the <c>default</c> namespace.</summary>
    public static EntityRef? ReadPrincipal(string text, Mark at, string path, DescriptorProblems problems, bool groupsOnly = false)
    {
        if (!BackstageRef.TryParse(text, "Group", "default", out var principal, out var error))
        {
            problems.Add(at, path, error!);
            return null;
        }
        if (principal.Kind == EntityKind.Group || (!groupsOnly && principal.Kind == EntityKind.User)) return principal;
        problems.Add(at, path, $"'{text}' is a {principal.Kind}: expected {(groupsOnly ? "a group" : "a group or a user")} (group:name or user:name)");
        return null;
    }
}
