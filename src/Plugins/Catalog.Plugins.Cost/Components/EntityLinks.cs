using Catalog.Domain.Entities;

namespace Catalog.Plugins.Cost.Components;

/// <summary>Links to the host's pages, built the way the host routes them (URL-encoded parts).</summary>
public static class EntityLinks
{
    public static string? Href(string entityRef) =>
        EntityRef.TryParse(entityRef, out var r)
            ? $"/entity/{Uri.EscapeDataString(r.Kind)}/{Uri.EscapeDataString(r.Namespace)}/{Uri.EscapeDataString(r.Name)}"
            : null;

    public static string Team(string ownerRef) => "/cost/team?owner=" + Uri.EscapeDataString(ownerRef);
    public static string Namespace(string @namespace) => "/cost/namespace?name=" + Uri.EscapeDataString(@namespace);
}
