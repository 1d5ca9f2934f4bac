namespace Catalog.Domain.Entities;

/// <summary>
/// The identity of a catalog entity: kind, namespace and name. Its string form,
/// <c>kind:namespace:name</c>, is the node id Marquez uses (<c>dataset:food_delivery:public.orders</c>),
/// so OpenLineage clients and the lineage API speak the same ids.
/// </summary>
/// <remarks>
/// OpenLineage namespaces are often URIs that contain colons (<c>postgres://db:5432</c>), so the string
/// form is not split blindly: <see cref="TryParse"/> takes the kind up to the first colon, then a namespace
/// that ends at the next colon, or after the <c>scheme://host:port</c> authority when it is a URI.
/// Names may contain colons; namespaces other than URIs may not.
/// </remarks>
public readonly record struct EntityRef
{
    public const int MaxPartLength = 1024;

    public EntityRef(string kind, string @namespace, string name)
    {
        if (!EntityKind.IsValid(kind)) throw new ArgumentException($"'{kind}' is not a valid entity kind: use lower-case letters, digits and dashes.", nameof(kind));
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (@namespace.Length > MaxPartLength) throw new ArgumentException($"Namespace is longer than {MaxPartLength} characters.", nameof(@namespace));
        if (name.Length > MaxPartLength) throw new ArgumentException($"Name is longer than {MaxPartLength} characters.", nameof(name));
        Kind = kind;
        Namespace = @namespace;
        Name = name;
    }

    public string Kind { get; }
    public string Namespace { get; }
    public string Name { get; }

    public static EntityRef Dataset(string @namespace, string name) => new(EntityKind.Dataset, @namespace, name);
    public static EntityRef Job(string @namespace, string name) => new(EntityKind.Job, @namespace, name);
    public static EntityRef Group(string name, string @namespace = "default") => new(EntityKind.Group, @namespace, name);
    public static EntityRef User(string name, string @namespace = "default") => new(EntityKind.User, @namespace, name);

    public override string ToString() => $"{Kind}:{Namespace}:{Name}";

    public static EntityRef Parse(string value) =>
        TryParse(value, out var entityRef) ? entityRef : throw new FormatException($"'{value}' is not an entity reference of the form kind:namespace:name.");

    public static bool TryParse(string? value, out EntityRef entityRef)
    {
        entityRef = default;
        if (string.IsNullOrEmpty(value)) return false;
        var firstColon = value.IndexOf(':', StringComparison.Ordinal);
        if (firstColon <= 0) return false;
        var kind = value[..firstColon];
        var rest = value[(firstColon + 1)..];
        var nameSeparator = FindNameSeparator(rest);
        if (nameSeparator <= 0 || nameSeparator == rest.Length - 1) return false;
        var ns = rest[..nameSeparator];
        var name = rest[(nameSeparator + 1)..];
        if (!EntityKind.IsValid(kind) || ns.Length > MaxPartLength || name.Length > MaxPartLength) return false;
        entityRef = new EntityRef(kind, ns, name);
        return true;
    }

    // Namespaces without a scheme end at the first colon. A namespace that is a URI ("postgres://db:5432",
    // "gs://bucket") ends after its authority: after the port when there is one.
    private static int FindNameSeparator(string rest)
    {
        var firstColon = rest.IndexOf(':', StringComparison.Ordinal);
        var schemeEnd = rest.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0 || schemeEnd != firstColon) return firstColon;
        var colon = rest.IndexOf(':', schemeEnd + 3);
        if (colon < 0) return -1;
        var end = colon + 1;
        while (end < rest.Length && char.IsAsciiDigit(rest[end])) end++;
        return end > colon + 1 && end < rest.Length && rest[end] == ':' ? end : colon;
    }
}
