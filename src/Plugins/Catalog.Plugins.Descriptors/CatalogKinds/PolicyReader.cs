using System.Globalization;
using Catalog.Domain.Entities;
using Catalog.Domain.Policies;
using Catalog.Plugins.Descriptors.Yaml;
using YamlDotNet.RepresentationModel;

namespace Catalog.Plugins.Descriptors.CatalogKinds;

/// <summary><c>spec.retention</c> and <c>spec.access</c> of a Dataset: declared policies (origin: descriptor).</summary>
public static class PolicyReader
{
    private static readonly string[] RetentionKeys = ["keepDays", "keepLatest", "keepForever", "justification"];

    /// <summary>Exactly one of keepDays: N, keepLatest: N, keepForever: true (with a justification).</summary>
    public static RetentionPolicy? ReadRetention(YamlMap retention)
    {
        retention.RejectUnknownKeys(RetentionKeys);
        var modes = new[] { "keepDays", "keepLatest", "keepForever" }.Where(k => retention.Get(k) is not null).ToList();
        if (modes.Count != 1)
        {
            retention.Problems.Add(retention.Start, retention.Path,
                modes.Count == 0 ? "expected one of keepDays, keepLatest or keepForever" : $"declares {string.Join(" and ", modes)}: expected exactly one of keepDays, keepLatest or keepForever");
            return null;
        }
        var justification = retention.String("justification");
        RetentionPolicy? policy = modes[0] switch
        {
            "keepDays" => retention.Int("keepDays") is { } days ? RetentionPolicy.Days(days) with { Justification = justification } : null,
            "keepLatest" => retention.Int("keepLatest") is { } count ? RetentionPolicy.Latest(count) with { Justification = justification } : null,
            _ => retention.Bool("keepForever") is true ? new RetentionPolicy { Mode = RetentionMode.KeepForever, Justification = justification } : null,
        };
        if (modes[0] == "keepForever" && policy is null && retention.Bool("keepForever") is false)
            retention.Problem("keepForever", "is false: to keep data for a limited time use keepDays or keepLatest");
        if (policy is null) return null;
        foreach (var violation in policy.Validate())
        {
            var key = violation.Field == "justification" ? "justification" : modes[0];
            retention.Problem(key, violation.Message);
        }
        return policy.Validate().Count == 0 ? policy : null;
    }

    /// <summary><c>read</c> and <c>write</c> lists of groups/users; an item may be a mapping with principal and expires.</summary>
    public static List<AccessGrant> ReadAccess(YamlMap access)
    {
        access.RejectUnknownKeys(["read", "write"]);
        var grants = new List<AccessGrant>();
        foreach (var (key, permission) in new[] { ("read", AccessPermission.Read), ("write", AccessPermission.Write) })
        {
            foreach (var (node, path) in access.List(key))
            {
                var (text, expires) = node switch
                {
                    YamlScalarNode { Value: { } value } => (value, (DateTimeOffset?)null),
                    YamlMappingNode mapping => ReadGrantMapping(new YamlMap(mapping, path, access.Problems)),
                    _ => (null, null),
                };
                if (text is null)
                {
                    if (node is not YamlMappingNode) access.Problems.Add(node.Start, path, $"expected a group or user (group:name, user:name), got {YamlMap.Describe(node)}");
                    continue;
                }
                if (CatalogNames.ReadPrincipal(text, node.Start, path, access.Problems) is { } principal)
                    grants.Add(new AccessGrant(principal, permission) { Origin = PolicyOrigin.Descriptor, ExpiresAt = expires });
            }
        }
        return grants;
    }

    private static (string?, DateTimeOffset?) ReadGrantMapping(YamlMap grant)
    {
        grant.RejectUnknownKeys(["principal", "expires"]);
        var principal = grant.String("principal", required: true);
        var expiresText = grant.String("expires");
        DateTimeOffset? expires = null;
        if (expiresText is not null)
        {
            if (DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) expires = parsed;
            else grant.Problem("expires", $"'{expiresText}' is not a date: expected ISO 8601 such as 2027-06-30 or 2027-06-30T12:00:00Z");
        }
        return (principal, expires);
    }
}
