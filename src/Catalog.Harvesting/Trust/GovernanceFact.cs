namespace Catalog.Harvesting.Trust;

/// <summary>
/// The facts about an entity that decide who may do what with it. A source the trust model does not allow to set one
/// keeps its claim as a facet (<see cref="ClaimedFacet.Name"/>), shown on the entity page; it is never applied.
/// </summary>
public enum GovernanceFact
{
    /// <summary>The owning team or user (<c>owner_ref</c>, <c>ownedBy</c> relations): owners change policies.</summary>
    Owner,
    /// <summary>Entity and column classifications (public … pii).</summary>
    Classification,
    /// <summary>Access grants, restricted visibility and team membership (<c>memberOf</c>).</summary>
    Access,
    /// <summary>Retention policies.</summary>
    Retention,
}

public static class GovernanceFacts
{
    public static IReadOnlyList<GovernanceFact> All { get; } = Enum.GetValues<GovernanceFact>();

    public static string Wire(this GovernanceFact fact) => fact.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out GovernanceFact fact) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out fact) && Enum.IsDefined(fact);
}
