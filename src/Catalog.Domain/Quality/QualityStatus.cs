namespace Catalog.Domain.Quality;

public enum QualityStatus
{
    Passed,
    Warned,
    Failed,
    /// <summary>The check could not run (an exception in Great Expectations, a dbt test error).</summary>
    Errored,
    Skipped,
}
