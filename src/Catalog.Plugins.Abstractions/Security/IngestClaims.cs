namespace Catalog.Plugins.Security;

/// <summary>
/// Claims an API token's principal carries that ingest endpoints read without knowing the governance plugin: which
/// token it is and the namespaces it may write.
/// </summary>
public static class IngestClaims
{
    public const string TokenId = "catalog:token_id";

    /// <summary>The catalog ref of the user a session or token speaks for.</summary>
    public const string UserRef = "catalog:user_ref";

    /// <summary>One claim per namespace the token may write; <c>*</c> for every namespace.</summary>
    public const string Namespace = "catalog:token_namespace";
}
