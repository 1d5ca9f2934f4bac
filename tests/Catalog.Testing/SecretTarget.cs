using Npgsql;

namespace Catalog.Testing;

/// <summary>
/// A database to harvest that can only be read with a password: a login role of its own (scram, as the test cluster
/// authenticates) with a generated password that appears nowhere else, and one table. <see cref="Password"/> is
/// lower-case letters and digits so it survives every text form a catalog column could hold (tsvector included).
/// </summary>
public sealed record SecretTarget(string Host, int Port, string Database, string Username, string Password)
{
    /// <summary>The Npgsql keyword form, password included.</summary>
    public string ConnectionString => $"Host={Host};Port={Port};Database={Database};Username={Username};Password={Password}";

    /// <summary>The keyword form without a password (for PGPASSWORD, --password-file, PGPASSFILE).</summary>
    public string WithoutPassword => $"Host={Host};Port={Port};Database={Database};Username={Username}";

    /// <summary>The URI form, password in the userinfo.</summary>
    public string Uri => $"postgres://{Username}:{Password}@{Host}:{Port}/{Database}";

    /// <summary>A line for a pgpass file (host:port:database:user:password).</summary>
    public string PgpassLine => $"{Host}:{Port}:{Database}:{Username}:{Password}";

    public static async Task<SecretTarget> CreateAsync(string hint)
    {
        var admin = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateEmptyDatabaseAsync(hint));
        var suffix = Guid.NewGuid().ToString("N");
        var target = new SecretTarget(admin.Host!, admin.Port, admin.Database!, $"reader_{suffix[..12]}", $"s3cr3t{suffix}");
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            CREATE ROLE "{target.Username}" LOGIN PASSWORD '{target.Password}';
            CREATE TABLE public.orders (id int PRIMARY KEY, note text);
            COMMENT ON TABLE public.orders IS 'what customers bought';
            """, connection);
        await command.ExecuteNonQueryAsync();
        return target;
    }
}
