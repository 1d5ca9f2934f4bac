using Catalog.Domain.Entities;
using Catalog.Plugins.Descriptors.Locations;
using Catalog.Plugins.Descriptors.Yaml;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.Descriptors;

/// <summary>One descriptor file as read: its documents mapped to items, and the problems that belong to the file.</summary>
public sealed record ReadDescriptorFile(DescriptorFile File, List<MappedDocument> Documents, List<DescriptorProblem> Notes);

/// <summary>
/// The reading phase of a harvest, with no side effects: reads the start files, follows Location targets, maps every
/// document, then checks what needs the whole set (duplicate entities, Location loops). Emission to the sink is separate.
/// </summary>
public sealed class DescriptorSet
{
    public required string Root { get; init; }
    /// <summary>Files in ordinal order of their relative path.</summary>
    public required IReadOnlyList<ReadDescriptorFile> Files { get; init; }
    /// <summary>Files that could not be read at all (too big, no permission).</summary>
    public required IReadOnlyList<HarvestError> Unreadable { get; init; }

    public static DescriptorSet Read(string root, IEnumerable<string> startFiles, DescriptorsOptions options, IReadOnlyList<IDescriptorMapper> mappers, CancellationToken cancellationToken = default)
    {
        var files = new Dictionary<string, ReadDescriptorFile>(StringComparer.Ordinal);
        var unreadable = new List<HarvestError>();
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var targetAt = new Dictionary<(string From, string To), LocationTarget>();
        var queue = new Queue<string>(startFiles.Select(Path.GetFullPath));
        var queued = new HashSet<string>(queue, StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = queue.Dequeue();
            var relative = DescriptorTree.Relative(root, path);
            var content = TryReadContent(path, relative, options, unreadable);
            if (content is null) continue;
            var file = DescriptorFile.Read(path, relative, content);
            var read = new ReadDescriptorFile(file, file.Documents.Select(d => MapWith(mappers, d)).ToList(), []);
            if (file.SyntaxError is { } syntax) read.Notes.Add(syntax);
            files[path] = read;
            foreach (var document in read.Documents)
            {
                foreach (var target in document.Targets)
                {
                    foreach (var resolved in LocationResolver.Resolve(root, path, target, document.Notes))
                    {
                        edges.TryAdd(path, []);
                        edges[path].Add(resolved);
                        targetAt.TryAdd((path, resolved), target);
                        if (options.FollowLocations && queued.Add(resolved)) queue.Enqueue(resolved);
                    }
                }
            }
        }
        var ordered = files.Values.OrderBy(f => f.File.RelativePath, StringComparer.Ordinal).ToList();
        RejectDuplicates(ordered);
        ReportLoops(root, edges, targetAt, files);
        return new DescriptorSet { Root = root, Files = ordered, Unreadable = unreadable };
    }

    internal static MappedDocument MapWith(IReadOnlyList<IDescriptorMapper> mappers, DescriptorDocument document)
    {
        var mapper = mappers.First(m => m.Handles(document));
        return mapper.Map(document);
    }

    private static byte[]? TryReadContent(string path, string relative, DescriptorsOptions options, List<HarvestError> unreadable)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > options.MaxFileBytes)
            {
                unreadable.Add(new HarvestError(relative, $"is {length:N0} bytes: descriptor files over {options.MaxFileBytes:N0} bytes are not read (Plugins:descriptors:MaxFileBytes)"));
                return null;
            }
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unreadable.Add(new HarvestError(relative, $"could not be read: {e.Message}"));
            return null;
        }
    }

    /// <summary>The first declaration of an entity (in path order) wins; later ones are rejected and point at it.</summary>
    private static void RejectDuplicates(List<ReadDescriptorFile> files)
    {
        var firstSeen = new Dictionary<EntityRef, (string File, int Line)>();
        foreach (var file in files)
            foreach (var document in file.Documents.Where(d => d is { Rejected: false, Ref: not null }))
            {
                var entity = document.Ref!.Value;
                if (firstSeen.TryGetValue(entity, out var first))
                {
                    var name = document.Document.Root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("metadata"), out var metadata) ? metadata.Start : document.Document.Root.Start;
                    document.Problems.Add(name, "metadata.name", $"{entity} is already declared in {first.File} line {first.Line}: each entity must be declared once");
                    document.Items.Clear();
                }
                else firstSeen[entity] = (file.File.RelativePath, document.Document.Line);
            }
    }

    private static void ReportLoops(string root, Dictionary<string, List<string>> edges, Dictionary<(string, string), LocationTarget> targetAt, Dictionary<string, ReadDescriptorFile> files)
    {
        foreach (var cycle in LocationLoops.Find(edges))
        {
            var closing = cycle[^1];
            var target = targetAt[(closing, cycle[0])];
            var chain = string.Join(" → ", cycle.Append(cycle[0]).Select(f => DescriptorTree.Relative(root, f)));
            if (files.TryGetValue(closing, out var file))
                file.Notes.Add(new DescriptorProblem((int)target.At.Line, (int)target.At.Column, target.Field,
                    $"Location loop: {chain}; each file is read once, so the loop is not followed again"));
        }
    }
}
