using System.Text.RegularExpressions;

namespace Catalog.Plugins.Harvesting;

/// <summary>
/// The one redaction of secrets in harvest targets, locations, log lines and error messages: what is stored, logged,
/// printed or rendered goes through <see cref="Redact"/> first. It replaces the secret and keeps what identifies the
/// source (scheme, host, port, database, user), so <c>Host=db;Database=shop;Username=reader;Password=s3cret</c>
/// becomes <c>Host=db;Database=shop;Username=reader;Password=***</c> and
/// <c>postgres://reader:s3cret@db:5432/shop</c> becomes <c>postgres://reader:***@db:5432/shop</c>.
/// </summary>
/// <remarks>
/// Idempotent (redacting twice changes nothing), so a value may be redacted at every boundary it crosses.
/// Migration <c>0600_redact_secrets.sql</c> defines <c>catalog_redact_secrets(text)</c>, the same four patterns in
/// PostgreSQL's regex dialect, to scrub rows written before this existed; a test holds the two to the same answers.
/// </remarks>
public static partial class SecretRedaction
{
    public const string Mask = "***";

    /// <summary>Returns <paramref name="text"/> with every password, token or key it carries replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = UriPassword().Replace(text, $"${{prefix}}:{Mask}@");
        text = HttpUserToken().Replace(text, $"${{scheme}}{Mask}@");
        text = QueryParameter().Replace(text, $"${{lead}}${{key}}={Mask}");
        return Keyword().Replace(text, $"${{lead}}${{key}}={Mask}");
    }

    /// <inheritdoc cref="Redact(string)"/>
    public static string? RedactNullable(string? text) => text is null ? null : Redact(text);

    /// <summary>
    /// <c>scheme://user:password@host</c>. The password runs to the last <c>@</c> of the authority (a raw <c>@</c> in a
    /// password is common), never past <c>/ ? #</c>, white space or a quote; <c>host:port/path@x</c> has no userinfo.
    /// </summary>
    [GeneratedRegex("""(?<prefix>[a-z][a-z0-9+.\-]*://[^:/?#@\s"']*):[^/?#\s"']*@""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();

    /// <summary><c>https://TOKEN@host</c>: a lone user in an HTTP URL is how tokens are passed (git hosts, registries).</summary>
    [GeneratedRegex("""(?<scheme>https?://)[^:/?#@\s"']+@""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HttpUserToken();

    /// <summary><c>?password=…&amp;token=…</c>: secret query parameters (OAuth, signed URLs, API keys), up to <c>&amp; #</c> or white space.</summary>
    [GeneratedRegex("""(?<lead>[?&])(?<key>password|passwd|pwd|pass|secret|client_secret|token|access_token|refresh_token|id_token|auth_token|api_key|apikey|api-key|key|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token)=[^&#\s"']*""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameter();

    /// <summary>
    /// <c>Password=…</c> and its kin in connection strings (Npgsql's <c>Password</c>, <c>Pwd</c>, <c>SSL Password</c>;
    /// ADO.NET and cloud keys) and in <c>PGPASSWORD=…</c>: a quoted value, or everything up to <c>;</c> or the end of
    /// the line (an unquoted Npgsql value may hold spaces). An unquoted value never starts with a quote, so the
    /// longest-match rule of PostgreSQL's regexes picks the same alternative as .NET's first-match rule.
    /// </summary>
    [GeneratedRegex("""(?<lead>^|[;\s,(])(?<key>password|passwd|pwd|ssl\s*password|pgpassword|passphrase|client\s*secret|secret|access\s*token|token|api\s*key|account\s*key|shared\s*access\s*key)\s*=\s*(?:"(?:[^"]|"")*"|'(?:[^']|'')*'|[^;"'\r\n][^;\r\n]*)?""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();
}
