namespace Catalog.Plugins.PostgresIntrospection;

/// <summary>
/// <c>--password-file</c>: the password on the file's first line (a trailing newline, as <c>echo</c> writes, is not
/// part of it). Kept out of the command line, where <c>ps</c>, shell history and CI logs would show it.
/// </summary>
internal static class PasswordFile
{
    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(path);
            var line = await reader.ReadLineAsync(cancellationToken);
            return string.IsNullOrEmpty(line) ? null : line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
