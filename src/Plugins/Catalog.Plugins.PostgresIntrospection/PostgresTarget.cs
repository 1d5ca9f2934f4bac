using Npgsql;

namespace Catalog.Plugins.PostgresIntrospection;

/// <summary>
/// The harvest target: an Npgsql connection string (<c>Host=db;Port=5432;Database=shop;Username=reader</c>) or a URI
/// (<c>postgres://reader:secret@db:5432/shop</c>). <see cref="Location"/> names the database without credentials.
/// </summary>
public sealed record PostgresTarget(string ConnectionString, string Host, int Port, string Database)
{
    public string DefaultNamespace => $"postgres://{Host}:{Port}";

    public string Location => $"{DefaultNamespace}/{Database}";

    public static bool TryParse(string target, out PostgresTarget? parsed, out string? error)
    {
        parsed = null;
        error = null;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = target.StartsWith("postgres://", StringComparison.Ordinal) || target.StartsWith("postgresql://", StringComparison.Ordinal)
                ? FromUri(new Uri(target))
                : new NpgsqlConnectionStringBuilder(target);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            error = $"is not a connection string: {e.Message}. Expected Host=…;Port=…;Database=…;Username=… or postgres://user@host:port/database";
            return false;
        }
        if (string.IsNullOrEmpty(builder.Host)) error = "names no Host: expected Host=… or postgres://host:port/database";
        else if (string.IsNullOrEmpty(builder.Database)) error = "names no Database: expected Database=… or postgres://host:port/database";
        if (error is not null) return false;
        // A Unix socket folder is not a host anyone else can name; producers on the same machine say localhost.
        var host = builder.Host!.StartsWith('/') ? "localhost" : builder.Host!.Split(',')[0];
        parsed = new PostgresTarget(builder.ConnectionString, host, builder.Port, builder.Database!);
        return true;
    }

    private static NpgsqlConnectionStringBuilder FromUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        return builder;
    }
}
