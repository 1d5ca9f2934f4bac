using Catalog.Plugins.Dbt.Artifacts;
using Catalog.Plugins.Dbt.CatalogJson;
using Catalog.Plugins.Dbt.Manifest;
using Catalog.Plugins.Dbt.RunResults;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Dbt;

/// <summary>
/// Harvests dbt artifacts from a <c>target/</c> directory (searched recursively) or a single artifact file. Manifests
/// are harvested first, then catalog.json, then run_results.json; the latter two use the manifest in their own
/// directory to name datasets and attach tests. Each file is one batch: a file that cannot be read fails alone, and a
/// bad node inside a file is reported with its JSON path while the rest of the file lands.
/// </summary>
public sealed class DbtHarvester(IOptions<DbtOptions> options) : IReplayableHarvester
{
    public string Kind => "dbt";

    public string Description => "dbt artifacts (manifest v1–v12, run_results, catalog): models, lineage, tests, runs";

    public async Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken)
    {
        var artifacts = Discover(context.Target);
        if (artifacts is null)
        {
            await context.Sink.ReportErrorAsync(new HarvestError(context.Target, "no such file or directory"), cancellationToken);
            return;
        }
        var manifests = new ManifestCache();
        for (var i = 0; i < artifacts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (path, kind) = artifacts[i];
            context.Progress.Report(new HarvestProgress(i, artifacts.Count, path));
            await HarvestFileAsync(context.Sink, path, kind, manifests, cancellationToken);
        }
        context.Progress.Report(new HarvestProgress(artifacts.Count, artifacts.Count));
    }

    private async Task HarvestFileAsync(IHarvestSink sink, string path, DbtArtifactKind kind, ManifestCache manifests, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (IOException error)
        {
            await sink.ReportErrorAsync(new HarvestError(path, $"could not be read: {error.Message}"), cancellationToken);
            return;
        }
        await using var batch = await sink.BeginInputAsync(new HarvestInput(path, content), cancellationToken);
        if (batch is null) return;
        if (await FillAsync(batch, path, kind, content, manifests, cancellationToken)) await batch.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replays one stored artifact; its kind comes from the file name. catalog.json and run_results.json are named with
    /// the manifest in the same directory if it is still on disk (as in a harvest), else with the default namespace.
    /// </summary>
    public async Task ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken)
    {
        var kind = DbtArtifactKinds.FromFileName(input.Location);
        if (kind == DbtArtifactKind.Unknown)
        {
            await batch.FailAsync(new HarvestError(input.Location, "not a dbt artifact name (manifest*.json, catalog*.json or run_results*.json)") { Position = "file name" }, cancellationToken);
            return;
        }
        await FillAsync(batch, input.Location, kind, input.Content.ToArray(), new ManifestCache(), cancellationToken);
    }

    /// <summary>Fills the batch, or fails it (unreadable artifact) and returns false.</summary>
    private async Task<bool> FillAsync(IHarvestBatch batch, string path, DbtArtifactKind kind, byte[] content, ManifestCache manifests, CancellationToken cancellationToken)
    {
        try
        {
            var problems = kind switch
            {
                DbtArtifactKind.Manifest => AddManifest(batch, manifests.Get(path, content)),
                DbtArtifactKind.Catalog => AddCatalog(batch, content, manifests.ForSibling(path)),
                _ => AddRunResults(batch, content, manifests.ForSibling(path)),
            };
            foreach (var problem in problems) batch.AddError(new HarvestError(path, problem.Reason) { Position = problem.JsonPath });
            return true;
        }
        catch (DbtArtifactException error)
        {
            await batch.FailAsync(new HarvestError(path, error.Message) { Position = error.Position }, cancellationToken);
            return false;
        }
    }

    private IEnumerable<DbtProblem> AddManifest(IHarvestBatch batch, DbtManifest manifest)
    {
        var items = new ManifestItems(manifest, Naming(manifest), options.Value);
        foreach (var item in items.All()) batch.Add(item);
        return manifest.Problems.Concat(items.UnknownReferences()).ToList();
    }

    private List<DbtProblem> AddCatalog(IHarvestBatch batch, ReadOnlyMemory<byte> content, DbtManifest? manifest)
    {
        var naming = Naming(manifest);
        var (items, problems) = CatalogItems.Read(content, manifest, manifest is null ? null : new ManifestItems(manifest, naming, options.Value), naming);
        foreach (var item in items) batch.Add(item);
        return problems;
    }

    private List<DbtProblem> AddRunResults(IHarvestBatch batch, ReadOnlyMemory<byte> content, DbtManifest? manifest)
    {
        var (items, problems) = RunResultsItems.Read(content, manifest, Naming(manifest));
        foreach (var item in items) batch.Add(item);
        return problems;
    }

    private DbtNaming Naming(DbtManifest? manifest) =>
        new(manifest?.Adapter ?? options.Value.DefaultNamespace, options.Value.JobNamespace);

    /// <summary>Artifacts in harvest order: manifests, then catalogs, then run results; each group by path.</summary>
    public static List<(string Path, DbtArtifactKind Kind)>? Discover(string target)
    {
        IEnumerable<string> files;
        if (Directory.Exists(target)) files = Directory.EnumerateFiles(target, "*.json", SearchOption.AllDirectories);
        else if (File.Exists(target)) files = [target];
        else return null;
        return files.Select(f => (Path: Path.GetFullPath(f), Kind: DbtArtifactKinds.FromFileName(f)))
            .Where(a => a.Kind != DbtArtifactKind.Unknown)
            .OrderBy(a => a.Kind).ThenBy(a => a.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Manifests parsed once per run; run_results and catalog use the manifest of their own directory.</summary>
    private sealed class ManifestCache
    {
        private readonly Dictionary<string, DbtManifest?> parsed = new(StringComparer.Ordinal);

        public DbtManifest Get(string path, ReadOnlyMemory<byte> content)
        {
            var manifest = ManifestReader.Read(content);
            parsed[path] = manifest;
            return manifest;
        }

        public DbtManifest? ForSibling(string artifactPath)
        {
            var directory = Path.GetDirectoryName(artifactPath)!;
            var candidates = Directory.EnumerateFiles(directory, "*.json")
                .Where(f => DbtArtifactKinds.FromFileName(f) == DbtArtifactKind.Manifest)
                .OrderBy(f => Path.GetFileName(f) == "manifest.json" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal).ToList();
            if (candidates.Count == 0) return null;
            var path = Path.GetFullPath(candidates[0]);
            if (parsed.TryGetValue(path, out var known)) return known;
            try
            {
                parsed[path] = ManifestReader.Read(File.ReadAllBytes(path));
            }
            catch (DbtArtifactException)
            {
                parsed[path] = null; // the manifest's own batch reports why
            }
            return parsed[path];
        }
    }
}
