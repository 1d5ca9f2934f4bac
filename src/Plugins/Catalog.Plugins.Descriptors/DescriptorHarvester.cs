using Catalog.Plugins.Descriptors.Locations;
using Catalog.Plugins.Descriptors.Yaml;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Descriptors;

/// <summary>
/// Harvests descriptor YAML from a folder (a git checkout) or one file: Backstage kinds for ownership and org
/// structure, and catalog.dev/v1 Dataset and Workflow. Each file is one input; an invalid document is reported with
/// file, line and field and the other documents of the file still land.
/// </summary>
public sealed class DescriptorHarvester(IOptions<DescriptorsOptions> options, IEnumerable<IDescriptorMapper> mappers) : IReplayableHarvester
{
    public const string MediaType = "application/yaml";
    // Catch-all mappers answer last, so a plugin's mapper for its own kinds is asked before them.
    private readonly IReadOnlyList<IDescriptorMapper> mappers =
        mappers.OrderBy(m => m is Backstage.BackstageEntityMapper or CatalogKinds.UnsupportedCatalogKindMapper ? 1 : 0).ToList();

    public string Kind => "descriptors";

    public string Description => "Descriptor YAML (Backstage kinds, catalog.dev/v1 Dataset and Workflow) from a folder, a git checkout or a file";

    public async Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(context.Target);
        string root;
        IEnumerable<string> start;
        if (Directory.Exists(target)) (root, start) = (target, DescriptorTree.Files(target, options.Value));
        else if (File.Exists(target)) (root, start) = (Path.GetDirectoryName(target)!, [target]);
        else
        {
            await context.Sink.ReportErrorAsync(new HarvestError(context.Target, "does not exist: expected a folder (such as a git checkout) or a descriptor YAML file"), cancellationToken);
            return;
        }
        context.Progress.Report(new HarvestProgress(0, null, "reading descriptors"));
        var set = DescriptorSet.Read(root, start, options.Value, mappers, cancellationToken);
        foreach (var error in set.Unreadable) await context.Sink.ReportErrorAsync(error, cancellationToken);

        var files = set.Files.Where(f => f.File.IsDescriptorFile || DescriptorApiVersions.AppearsIn(System.Text.Encoding.UTF8.GetString(f.File.Content))).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            context.Progress.Report(new HarvestProgress(i, files.Count, files[i].File.RelativePath));
            await EmitAsync(context.Sink, files[i], cancellationToken);
        }
        context.Progress.Report(new HarvestProgress(files.Count, files.Count));
    }

    /// <summary>
    /// Replays one stored descriptor file: its documents are mapped as in a harvest. What needs the whole folder is not
    /// checked (Location targets are not followed, duplicates across files are not detected): the next harvest of the
    /// folder does that.
    /// </summary>
    public Task ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken)
    {
        var file = Yaml.DescriptorFile.Read(input.Location, input.Location, input.Content.ToArray());
        var read = new ReadDescriptorFile(file, file.Documents.Select(d => DescriptorSet.MapWith(mappers, d)).ToList(), []);
        if (file.SyntaxError is { } syntax) read.Notes.Add(syntax);
        Fill(batch, read);
        return Task.CompletedTask;
    }

    private static async Task EmitAsync(IHarvestSink sink, ReadDescriptorFile file, CancellationToken cancellationToken)
    {
        var batch = await sink.BeginInputAsync(new HarvestInput(InputLocation(file.File.FullPath), file.File.Content, MediaType), cancellationToken);
        if (batch is null) return; // unchanged since the last successful harvest
        await using (batch)
        {
            Fill(batch, file);
            await batch.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The input's location is the file's absolute path, not its path from the harvest root: two folders (two
    /// checkouts) both have a <c>catalog-info.yaml</c>, and the location keys the remembered content hash and what the
    /// file claims (stale and deleted-file removal). Errors still name the path from the root, which reads better.
    /// </summary>
    public static string InputLocation(string fullPath) => Path.GetFullPath(fullPath).Replace('\\', '/');

    private static void Fill(IHarvestBatch batch, ReadDescriptorFile file)
    {
        {
            foreach (var document in file.Documents)
            {
                if (document.Rejected)
                    foreach (var problem in document.Problems.All) batch.AddError(ToError(file, $"{document.Label}: {problem.Field}: {problem.Message}", problem));
                else
                    foreach (var item in document.Items) batch.Add(item);
                foreach (var note in document.Notes) batch.AddError(ToError(file, $"{document.Label}: {note.Field}: {note.Message}", note));
            }
            foreach (var note in file.Notes) batch.AddError(ToError(file, $"{note.Field}: {note.Message}", note));
        }
    }

    private static HarvestError ToError(ReadDescriptorFile file, string reason, DescriptorProblem at) =>
        new(file.File.RelativePath, Domain.Entities.MetadataLimits.Truncate(reason, Domain.Entities.MetadataLimits.Reason)!) { Position = at.Position };
}
