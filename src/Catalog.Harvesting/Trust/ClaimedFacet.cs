using System.Text.Json;
using Catalog.Domain.Entities;
using Catalog.Plugins.Harvesting;

namespace Catalog.Harvesting.Trust;

/// <summary>
/// The governance facts a source stated but may not set, kept as one facet per entity: shown on the entity page as
/// "claimed by the producer", never applied. The last claim of a source replaces its previous one.
/// </summary>
public static class ClaimedFacet
{
    public const string Name = "catalog.claimed";

    internal sealed class Builder(string source, string location, HarvestPusher? pusher)
    {
        private readonly Dictionary<EntityRef, Dictionary<string, object?>> claims = [];

        public void Add(EntityRef entity, GovernanceFact fact, object? value)
        {
            if (!claims.TryGetValue(entity, out var facts)) claims[entity] = facts = new(StringComparer.Ordinal);
            var key = fact.Wire();
            if (facts.TryGetValue(key, out var existing) && existing is List<object?> list) list.Add(value);
            else facts[key] = new List<object?> { value };
        }

        public IEnumerable<FacetFound> Facets() => claims.Select(c => new FacetFound(c.Key, Name, JsonSerializer.SerializeToElement(new
        {
            source,
            location = pusher is null ? location : null,
            pushedBy = pusher?.Describe(),
            claims = c.Value,
        }, Json)));

        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    }
}
