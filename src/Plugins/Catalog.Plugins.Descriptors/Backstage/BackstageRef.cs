using Catalog.Domain.Entities;

namespace Catalog.Plugins.Descriptors.Backstage;

/// <summary>
/// Backstage's entity reference syntax, <c>[kind:][namespace/]name</c> (<c>group:default/team-a</c>, <c>user:guest</c>,
/// <c>backstage/maintainers</c>). The kind and namespace a field implies fill in what is left out.
/// </summary>
public static class BackstageRef
{
    public static bool TryParse(string text, string defaultKind, string defaultNamespace, out EntityRef entityRef, out string? error)
    {
        entityRef = default;
        error = null;
        var value = text.Trim();
        var kind = defaultKind;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            kind = value[..colon];
            value = value[(colon + 1)..];
            if (!BackstageNames.IsValidKind(kind))
            {
                error = $"'{text}' has an invalid kind '{kind}': expected letters and digits, starting with a letter";
                return false;
            }
        }
        var @namespace = defaultNamespace;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            @namespace = value[..slash];
            value = value[(slash + 1)..];
            if (!BackstageNames.IsValidNamespace(@namespace))
            {
                error = $"'{text}' has an invalid namespace '{@namespace}': expected {BackstageNames.NamespaceRule}";
                return false;
            }
        }
        if (!BackstageNames.IsValidName(value))
        {
            error = $"'{text}' is not an entity reference: expected [kind:][namespace/]name with a name of {BackstageNames.NameRule}";
            return false;
        }
        entityRef = new EntityRef(BackstageNames.ToCatalogKind(kind), @namespace, value);
        return true;
    }
}
