namespace Catalog.Plugins.Governance.Authentication;

/// <summary>Authentication scheme and claim names the governance plugin uses.</summary>
public static class GovernanceSchemes
{
    /// <summary>The default scheme: picks token, trusted proxy or cookie per request.</summary>
    public const string Catalog = "Catalog";
    public const string ApiToken = "ApiToken";
    public const string TrustedProxy = "TrustedProxy";

    public const string UserRefClaim = global::Catalog.Plugins.Security.IngestClaims.UserRef;
    public const string TokenScopeClaim = "catalog:token_scope";
    public const string TokenIdClaim = global::Catalog.Plugins.Security.IngestClaims.TokenId;
    public const string TokenNamespaceClaim = global::Catalog.Plugins.Security.IngestClaims.Namespace;
}

/// <summary>What an API token may do. Tokens never change policies: that needs a person signed in.</summary>
public static class TokenScopes
{
    public const string Read = "read";
    public const string Ingest = "ingest";
    public static IReadOnlyList<string> All { get; } = [Read, Ingest];
}
