using System.Security.Cryptography;
using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.HarvestFormats;

/// <summary>
/// Captures what a harvester emits, per input, so parser tests can assert on items without a database. It is not a
/// store: it keeps the latest schema per subject only so versioning logic can be exercised across inputs, and it
/// skips an input whose content hash it has already seen committed from the same location, like the real sink.
/// </summary>
public sealed class RecordingSink : IHarvestSink
{
    private readonly Dictionary<string, string> committedHashes = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityRef, StoredSchema> schemas = [];

    public List<RecordedBatch> Batches { get; } = [];
    public List<HarvestError> Errors { get; } = [];

    public IEnumerable<HarvestItem> Items => Batches.Where(b => b.Committed).SelectMany(b => b.Items);
    public IEnumerable<T> All<T>() where T : HarvestItem => Items.OfType<T>();
    public RecordedBatch Batch(string fileNameSuffix) => Batches.Single(b => b.Input.Location.EndsWith(fileNameSuffix, StringComparison.Ordinal));

    public Task<IHarvestBatch?> BeginInputAsync(HarvestInput input, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(input.Content.Span));
        if (!input.Force && committedHashes.TryGetValue(input.Location, out var previous) && previous == hash)
            return Task.FromResult<IHarvestBatch?>(null);
        var batch = new RecordedBatch(input, this, hash);
        Batches.Add(batch);
        return Task.FromResult<IHarvestBatch?>(batch);
    }

    public Task ReportErrorAsync(HarvestError error, CancellationToken cancellationToken)
    {
        Errors.Add(error);
        return Task.CompletedTask;
    }

    public Task<StoredSchema?> GetLatestSchemaAsync(EntityRef subject, CancellationToken cancellationToken) =>
        Task.FromResult(schemas.GetValueOrDefault(subject));

    internal void OnCommit(RecordedBatch batch)
    {
        committedHashes[batch.Input.Location] = batch.Hash;
        foreach (var version in batch.Items.OfType<SchemaVersionFound>().Select(v => v.Version))
            schemas[version.Subject] = new StoredSchema(version.Version, version.Fingerprint, version.Definition);
    }
}

public sealed class RecordedBatch(HarvestInput input, RecordingSink sink, string hash) : IHarvestBatch
{
    public HarvestInput Input { get; } = input;
    internal string Hash { get; } = hash;
    public List<HarvestItem> Items { get; } = [];
    public List<HarvestError> Errors { get; } = [];
    public bool Committed { get; private set; }
    public HarvestError? Failure { get; private set; }

    public void Add(HarvestItem item)
    {
        if (Committed || Failure is not null) throw new InvalidOperationException("Items added after the batch ended.");
        Items.Add(item);
    }

    public void AddError(HarvestError error) => Errors.Add(error);

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        Committed = true;
        sink.OnCommit(this);
        return Task.CompletedTask;
    }

    public Task FailAsync(HarvestError error, CancellationToken cancellationToken)
    {
        Failure = error;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
