using Catalog.Testing;
namespace Catalog.Web.Tests.Cost;

/// <summary>The portal with the background snapshot and health services off: tests take snapshots themselves.</summary>
public sealed class CostFactory : CatalogWebFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Plugins:cost:RunSnapshots", "false"),
        new("Plugins:health:RunMonitor", "false"),
    ];
}
