using Catalog.Domain.Entities;
using Catalog.Plugins.Ui;

namespace Catalog.Plugins.Cost.Components;

/// <summary>Links of the cost views. Teams and namespaces travel in the query string: both may contain '/' and ':'.</summary>
public static class CostLinks
{
    public static string? Entity(string entityRef) => EntityRef.TryParse(entityRef, out var r) ? EntityLinks.Href(r) : null;
    public static string Team(string ownerRef) => "/cost/team?owner=" + Uri.EscapeDataString(ownerRef);
    public static string Namespace(string @namespace) => "/cost/namespace?name=" + Uri.EscapeDataString(@namespace);
}
