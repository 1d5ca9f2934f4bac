using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Descriptors;

/// <summary>
/// Captures what a harvester reports, per input, so parser tests can assert on harvester output before it reaches
/// the engine. It is not a store: integration tests harvest into real PostgreSQL through Catalog.Harvesting.
/// </summary>
public sealed class RecordingHarvestSink : IHarvestSink
{
    public List<RecordedBatch> Batches { get; } = [];
    public List<HarvestError> Errors { get; } = [];

    public IEnumerable<HarvestItem> Items => Batches.Where(b => b.Committed).SelectMany(b => b.Items);

    public IEnumerable<HarvestError> AllErrors => Errors.Concat(Batches.SelectMany(b => b.Errors));

    public IEnumerable<T> ItemsOf<T>() where T : HarvestItem => Items.OfType<T>();

    public Task<IHarvestBatch?> BeginInputAsync(HarvestInput input, CancellationToken cancellationToken)
    {
        var batch = new RecordedBatch(input);
        Batches.Add(batch);
        return Task.FromResult<IHarvestBatch?>(batch);
    }

    public Task ReportErrorAsync(HarvestError error, CancellationToken cancellationToken)
    {
        Errors.Add(error);
        return Task.CompletedTask;
    }

    public Task<StoredSchema?> GetLatestSchemaAsync(EntityRef subject, CancellationToken cancellationToken) => Task.FromResult<StoredSchema?>(null);

    public sealed class RecordedBatch(HarvestInput input) : IHarvestBatch
    {
        public HarvestInput Input { get; } = input;
        public List<HarvestItem> Items { get; } = [];
        public List<HarvestError> Errors { get; } = [];
        public bool Committed { get; private set; }
        public HarvestError? Failure { get; private set; }

        public void Add(HarvestItem item) => Items.Add(item);

        public void AddError(HarvestError error) => Errors.Add(error);

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            Committed = true;
            return Task.CompletedTask;
        }

        public Task FailAsync(HarvestError error, CancellationToken cancellationToken)
        {
            Failure = error;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
