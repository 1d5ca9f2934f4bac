namespace Catalog.Plugins.Ui;

/// <summary>
/// Supplies badges for entities, in bulk (a search page asks for a page of results at once). Register with
/// <c>plugin.Services.AddSingleton&lt;IEntityBadgeSource, T&gt;()</c>; the host and search collect all sources.
/// </summary>
public interface IEntityBadgeSource
{
    Task<IReadOnlyDictionary<long, IReadOnlyList<EntityBadge>>> GetBadgesAsync(IReadOnlyCollection<long> entityIds, CancellationToken cancellationToken);
}
