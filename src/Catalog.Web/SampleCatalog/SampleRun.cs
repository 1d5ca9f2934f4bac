namespace Catalog.Web.SampleCatalog;

/// <summary>What the scheduler decided for one period of one job: when the run starts and ends and how it ends.</summary>
public sealed record SampleRun(
    SampleJob Job, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, Guid RunId,
    DateTimeOffset Started, DateTimeOffset Ended, SampleRunFate Fate, double SizeFactor, string? ErrorMessage);

/// <summary>Most runs are on time; a few by design are late (start after the deadline), slow (several times their usual duration) or fail.</summary>
public enum SampleRunFate { OnTime, Late, Slow, Failed }
