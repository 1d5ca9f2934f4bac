using Catalog.Domain.Entities;
using Catalog.Plugins.Descriptors.Yaml;
using Catalog.Plugins.Harvesting;
using YamlDotNet.Core;

namespace Catalog.Plugins.Descriptors;

/// <summary>
/// What one descriptor document says: its entity, the items that describe it, the problems that reject it, and
/// (for a Location) the targets to follow. Items are applied only when there are no problems.
/// </summary>
public sealed class MappedDocument(DescriptorDocument document)
{
    public DescriptorDocument Document { get; } = document;
    public DescriptorProblems Problems { get; } = new();
    public List<HarvestItem> Items { get; } = [];
    public List<LocationTarget> Targets { get; } = [];
    /// <summary>Problems reported without rejecting the document (a Location target that cannot be followed).</summary>
    public List<DescriptorProblem> Notes { get; } = [];
    public EntityRef? Ref { get; set; }
    /// <summary>Human name for messages: <c>Component 'invalid component'</c>.</summary>
    public string Label { get; set; } = $"{document.Kind} (document {document.Index + 1})";

    public bool Rejected => Problems.Any;
}

/// <summary>A Location target as written, with where it was written, to resolve against the file's folder.</summary>
public sealed record LocationTarget(string Target, Mark At, string Field);
