using System.Text.Json;

namespace Catalog.Plugins.OpenLineage.Parsing;

/// <summary>Facet helpers shared by job, run and dataset readers.</summary>
internal static class Facets
{
    /// <summary>Facets of an object, skipping ones marked <c>_deleted</c> (the spec's way to remove a facet).</summary>
    public static IEnumerable<(string Name, JsonNode Value)> Of(JsonNode owner, string property, ParseProblems problems)
    {
        var facets = problems.Object(owner, property);
        if (facets is null) yield break;
        foreach (var (name, value) in facets.Value.Properties())
        {
            if (value.Kind == JsonValueKind.Null) continue;
            if (!value.IsObject)
            {
                problems.Add(value.Path, $"expected a facet object, got {JsonNode.Describe(value.Kind)}");
                continue;
            }
            if (value["_deleted"] is { Kind: JsonValueKind.True }) continue;
            yield return (name, value);
        }
    }

    /// <summary>Owners of the ownership facet: "team:x"/"group:x" are groups, anything else ("user:x", "x") a user.</summary>
    public static IReadOnlyList<Domain.Entities.EntityRef> Owners(JsonNode facet, ParseProblems problems)
    {
        var owners = new List<Domain.Entities.EntityRef>();
        foreach (var owner in problems.Array(facet, "owners"))
        {
            var name = owner.IsObject ? problems.String(owner, "name") : null;
            if (name is null)
            {
                problems.Add(owner.Path, "expected an owner object with a name");
                continue;
            }
            var (kind, bare) = Split(name.Trim());
            if (bare.Length is 0 or > Domain.Entities.EntityRef.MaxPartLength) continue;
            owners.Add(kind == "group" ? Domain.Entities.EntityRef.Group(bare) : Domain.Entities.EntityRef.User(bare));
        }
        return owners;
    }

    private static (string Kind, string Name) Split(string owner)
    {
        foreach (var (prefix, kind) in new[] { ("team:", "group"), ("group:", "group"), ("user:", "user") })
            if (owner.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return (kind, owner[prefix.Length..]);
        return ("user", owner);
    }
}
