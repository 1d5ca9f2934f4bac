namespace Catalog.Plugins.Avro.Schemas;

/// <summary>A named type's full name, split into namespace and simple name (Avro "fullname" rules).</summary>
public readonly record struct AvroName(string? Namespace, string Simple)
{
    public string FullName => string.IsNullOrEmpty(Namespace) ? Simple : $"{Namespace}.{Simple}";

    /// <summary>
    /// Resolves a name as written: a dotted name is already full; otherwise it takes the enclosing namespace.
    /// An explicit namespace attribute wins over the enclosing one.
    /// </summary>
    public static AvroName Resolve(string name, string? explicitNamespace, string? enclosingNamespace)
    {
        var lastDot = name.LastIndexOf('.');
        if (lastDot >= 0) return new AvroName(name[..lastDot], name[(lastDot + 1)..]);
        var ns = explicitNamespace ?? enclosingNamespace;
        return new AvroName(string.IsNullOrEmpty(ns) ? null : ns, name);
    }

    /// <summary>Avro names: [A-Za-z_][A-Za-z0-9_]* per dotted part.</summary>
    public static bool IsValidPart(string part) =>
        part.Length > 0 && (char.IsAsciiLetter(part[0]) || part[0] == '_') && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public override string ToString() => FullName;
}
