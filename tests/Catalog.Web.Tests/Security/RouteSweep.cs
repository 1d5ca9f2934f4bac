using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Plugins.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Catalog.Web.Tests.Security;

/// <summary>
/// Every request the leak test sends, derived from what the app maps (<see cref="EndpointDataSource"/>: minimal APIs
/// and Razor component pages) — never a hand-written list, so a route added later is swept too. Route parameters are
/// filled from the catalog's real entities (restricted ones included), query parameters (from the API description or a
/// page's <c>[SupplyParameterFromQuery]</c>) one at a time with every probe of their type. GET for every endpoint;
/// POST, PUT and DELETE for the API endpoints whose route takes an id. A route parameter the sweep cannot fill makes the
/// test fail unless <see cref="NotDriven"/> says why it is left out.
/// </summary>
public sealed class RouteSweep(EndpointDataSource endpoints, IApiDescriptionGroupCollectionProvider apiDescriptions, PluginRegistry plugins, CatalogFacts facts)
{
    /// <summary>Endpoints left out, each with its reason. Keys are route patterns with the method.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotDriven = new Dictionary<string, string>
    {
        ["DELETE /api/governance/tokens/{tokenId:long}"] = "API tokens belong to the signed-in user who made them (a user's own rows, not catalog metadata); ApiTokenTests covers revoking another user's token.",
    };

    /// <summary>Literal values of route parameters that name a choice, not an entity.</summary>
    private static readonly Dictionary<string, string[]> Choices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dimension"] = ["team", "namespace"],
        ["documentName"] = ["v1"],
    };

    private static readonly string[] WriteMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete];

    public List<string> Undrivable { get; } = [];

    public List<ProbeRequest> Requests()
    {
        var descriptions = apiDescriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();
        var requests = new List<ProbeRequest>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var component = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
            var methods = component is not null ? [HttpMethods.Get] : endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            foreach (var method in methods)
            {
                var key = $"{method} {pattern.RawText}";
                var takesId = pattern.Parameters.Any(p => p.ParameterPolicies.Any(c => c.Content == "long"));
                if (method != HttpMethods.Get && !(takesId && WriteMethods.Contains(method))) continue;
                if (NotDriven.ContainsKey(key)) continue;
                var description = descriptions.FirstOrDefault(d => string.Equals(d.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && Normalize(d.RelativePath) == Normalize(pattern.RawText));
                var names = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var paths = Paths(pattern, method != HttpMethods.Get, key);
                if (paths is null) continue;
                var query = QueryParameters(description, component);
                var body = method == HttpMethods.Get ? null : Body(description);
                foreach (var (path, values) in paths)
                {
                    requests.Add(new(method, path, body, key, values));
                    if (method != HttpMethods.Get || names.Contains("Tab")) continue; // a tab's own query (depth, direction) shapes the view of the entity in the path
                    foreach (var (name, type) in query)
                        foreach (var probe in ProbesOfType(type))
                            requests.Add(new(method, $"{path}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(probe.Text)}", null, key, [.. values, probe]));
                }
            }
        }
        return requests;
    }

    private static string Normalize(string? route) => Regex.Replace(route ?? "", @"\{(\*{0,2}\w+)[^}]*\}", "{$1}").Trim('/').ToLowerInvariant();

    /// <summary>Every filling of the route's parameters; null (and recorded) when one cannot be filled.</summary>
    private List<(string Path, List<ProbeValue> Values)>? Paths(RoutePattern pattern, bool write, string key)
    {
        var names = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fillings = new List<Dictionary<string, ProbeValue>> { new(StringComparer.OrdinalIgnoreCase) };
        if (names.IsSupersetOf(["Kind", "Namespace", "Name"]))
        {
            fillings = [.. facts.Entities.Select(e => new Dictionary<string, ProbeValue>(StringComparer.OrdinalIgnoreCase)
            {
                ["Kind"] = ProbeValue.Visible(e.Kind), ["Namespace"] = ProbeValue.Visible(e.Namespace),
                ["Name"] = e.Restricted is { } r ? ProbeValue.RestrictedName(r) : ProbeValue.Visible(e.Name),
            })];
            names.ExceptWith(["Kind", "Namespace", "Name"]);
        }
        foreach (var name in names)
        {
            var parameter = pattern.GetParameter(name)!;
            var isLong = parameter.ParameterPolicies.Any(c => c.Content == "long");
            IEnumerable<ProbeValue>? pool = name switch
            {
                _ when name.Equals("Tab", StringComparison.OrdinalIgnoreCase) => plugins.Tabs.Select(t => ProbeValue.Visible(t.Path)),
                _ when Choices.TryGetValue(name, out var choices) => choices.Select(ProbeValue.Visible),
                _ when isLong && name.Contains("request", StringComparison.OrdinalIgnoreCase) => facts.AccessRequests.Select(r => ProbeValue.IdOfRowOn(r.Id, r.Entity)),
                _ when isLong && name.Contains("grant", StringComparison.OrdinalIgnoreCase) => facts.Grants.Select(g => ProbeValue.IdOfRowOn(g.Id, g.Entity)),
                _ when isLong && (name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("EntityId", StringComparison.OrdinalIgnoreCase)) =>
                    write ? facts.Restricted.Select(ProbeValue.RestrictedId)
                          : facts.Entities.Select(e => e.Restricted is { } r ? ProbeValue.RestrictedId(r) : ProbeValue.Visible(e.Id.ToString())),
                _ => null,
            };
            if (pool is null)
            {
                Undrivable.Add($"{key}: no values for route parameter {{{name}}} (give it a pool in RouteSweep, or a reason in NotDriven)");
                return null;
            }
            fillings = [.. fillings.SelectMany(f => pool.Select(v => new Dictionary<string, ProbeValue>(f, StringComparer.OrdinalIgnoreCase) { [name] = v }))];
        }
        return [.. fillings.Select(f => (Build(pattern, f), f.Values.Where(v => v.Of is not null).ToList()))];
    }

    private static string Build(RoutePattern pattern, Dictionary<string, ProbeValue> values)
    {
        var segments = pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(values[parameter.Name].Text),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    /// <summary>Query parameters: the API description's for minimal APIs, <c>[SupplyParameterFromQuery]</c> properties for pages.</summary>
    private static List<(string Name, Type Type)> QueryParameters(ApiDescription? description, Type? component)
    {
        if (component is not null)
            return [.. component.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(x => x.Attribute is not null)
                .Select(x => (x.Attribute!.Name ?? x.Property.Name, x.Property.PropertyType))];
        return description is null ? [] : [.. description.ParameterDescriptions
            .Where(p => p.Source == BindingSource.Query || p.Source == BindingSource.ModelBinding && p.Type is not null && IsSimple(p.Type))
            .Select(p => (p.Name, p.Type ?? typeof(string)))];
    }

    private static bool IsSimple(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsPrimitive || t == typeof(string) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTimeOffset));

    /// <summary>
/// Strings get every ref, name, owner and namespace; ids every id; GUIDs every harvest run; other types (depths,
/// dates, flags) are left out: they shape an answer, they do not pick an entity.
/// </summary>
    private IEnumerable<ProbeValue> ProbesOfType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t == typeof(string[]))
            return [.. facts.Restricted.Select(ProbeValue.RestrictedRef), .. facts.Restricted.Select(ProbeValue.RestrictedName),
                    .. facts.Neighbours.Select(n => ProbeValue.Visible(n.Ref)), .. facts.OwnerRefs.Select(ProbeValue.Visible),
                    .. facts.Namespaces.Select(ProbeValue.Visible)];
        if (t == typeof(long))
            return [.. facts.Restricted.Select(ProbeValue.RestrictedId), .. facts.Neighbours.Select(n => ProbeValue.Visible(n.Id.ToString()))];
        if (t == typeof(Guid))
            return [.. facts.HarvestRuns.Select(id => ProbeValue.Visible(id.ToString()))];
        return [];
    }

    /// <summary>A JSON body that passes the usual validation (read permission, a reason), so the request reaches the entity lookup.</summary>
    private static string? Body(ApiDescription? description)
    {
        var type = description?.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (type is null) return null;
        var body = new Dictionary<string, object?>();
        foreach (var property in type.GetProperties())
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            body[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = t switch
            {
                _ when t == typeof(string) && property.Name.Contains("Permission", StringComparison.Ordinal) => "read",
                _ when t == typeof(string) && property.Name.Contains("Principal", StringComparison.Ordinal) => "user:default:victor",
                _ when t == typeof(string) && property.Name.Contains("Mode", StringComparison.Ordinal) => "keepDays",
                _ when t == typeof(string) && property.Name.Contains("Classification", StringComparison.Ordinal) => "pii",
                _ when t == typeof(string) => "leak probe",
                _ when t == typeof(int) || t == typeof(long) => 1,
                _ when t == typeof(bool) => true,
                _ => null,
            };
        }
        return JsonSerializer.Serialize(body);
    }
}
