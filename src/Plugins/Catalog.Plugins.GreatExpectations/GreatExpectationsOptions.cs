namespace Catalog.Plugins.GreatExpectations;

/// <summary>Configuration of the Great Expectations harvester, bound from <c>Plugins:great-expectations</c>.</summary>
public sealed class GreatExpectationsOptions
{
    /// <summary>Dataset namespace when a result names no datasource. Default <c>great_expectations</c>.</summary>
    public string DefaultNamespace { get; set; } = "great_expectations";
}
