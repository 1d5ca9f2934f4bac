using Catalog.Domain.Entities;

namespace Catalog.Plugins.Ui;

/// <summary>
/// Portal URLs of entity pages: <c>/entity/{kind}/{namespace}/{name}[/{tab}]</c> with each part escaped, so
/// namespaces that are URIs (<c>postgres://db:5432</c>) and names that are paths (<c>/data/x</c>) stay one segment.
/// </summary>
public static class EntityLinks
{
    public static string Href(EntityRef entity, string? tab = null) =>
        $"/entity/{Escape(entity.Kind)}/{Escape(entity.Namespace)}/{Escape(entity.Name)}" + (tab is null ? "" : "/" + Escape(tab));

    public static string Href(string kind, string @namespace, string name, string? tab = null) =>
        Href(new EntityRef(kind, @namespace, name), tab);

    /// <summary>Route values keep <c>%2F</c> encoded; this undoes what <see cref="Href(EntityRef, string?)"/> did.</summary>
    public static string Unescape(string routeValue) => Uri.UnescapeDataString(routeValue);

    private static string Escape(string part) => Uri.EscapeDataString(part);
}
