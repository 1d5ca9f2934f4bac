using System.Text.RegularExpressions;

namespace Catalog.Web.Tests.Security;

/// <summary>Replaces a restricted entity's name or id by its twin's (or back); ids only as whole numbers.</summary>
public sealed record Substitution(string Original, string Twin)
{
    public string ToTwin(string text) => Replace(text, Original, Twin);
    public string FromTwin(string text) => Replace(text, Twin, Original);

    private static string Replace(string text, string from, string to) =>
        from.All(char.IsAsciiDigit) ? Regex.Replace(text, $@"(?<!\d){from}(?!\d)", to) : text.Replace(from, to, StringComparison.Ordinal);
}

/// <summary>A value put into a route or query: restricted ones carry the entity they name and how to make its twin.</summary>
public sealed record ProbeValue(string Text, RestrictedEntity? Of = null, Substitution? Twin = null)
{
    public static ProbeValue Visible(string text) => new(text);
    public static ProbeValue RestrictedRef(RestrictedEntity e) => new(e.Ref, e, new(e.Name, e.TwinName));
    public static ProbeValue RestrictedName(RestrictedEntity e) => new(e.Name, e, new(e.Name, e.TwinName));
    public static ProbeValue RestrictedId(RestrictedEntity e) => new(e.Id.ToString(), e, new(e.Id.ToString(), e.TwinId.ToString()));
    public static ProbeValue IdOfRowOn(long rowId, RestrictedEntity e) => new(rowId.ToString(), e, new(rowId.ToString(), (rowId + RestrictedEntity.TwinIdOffset).ToString()));
}

/// <summary>One request of the sweep: which endpoint (its route pattern) and the values it was filled with.</summary>
public sealed record ProbeRequest(string Method, string Url, string? JsonBody, string Pattern, IReadOnlyList<ProbeValue> Values)
{
    public IEnumerable<RestrictedEntity> Carries => Values.Where(v => v.Of is not null).Select(v => v.Of!).Distinct();
    public IEnumerable<Substitution> Twins => Values.Where(v => v.Twin is not null).Select(v => v.Twin!);

    /// <summary>The same request about entities that do not exist; null when it names nothing restricted.</summary>
    public ProbeRequest? Twin()
    {
        if (!Twins.Any()) return null;
        string Apply(string s) => Twins.Aggregate(s, (text, t) => t.ToTwin(text));
        return this with { Url = Apply(Url), JsonBody = JsonBody is null ? null : Apply(JsonBody) };
    }

    public override string ToString() => $"{Method} {Url}" + (JsonBody is null ? "" : $" {JsonBody}") + $"  (route {Pattern})";
}
