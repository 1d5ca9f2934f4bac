using Microsoft.Extensions.Logging;
using Npgsql;

namespace Catalog.Storage.Migrations;

/// <summary>
/// Applies db/migrations in order. Idempotent (applied files are recorded with their checksum) and safe when
/// several processes start at once: a session-level advisory lock serialises them, and each file runs in its
/// own transaction, so a failing file leaves the database at the previous migration.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    // Arbitrary constant shared by every Catalog process: "CATALOG1" as an int64.
    private const long AdvisoryLockKey = 0x434154414C4F4731;

    public async Task<MigrationReport> MigrateAsync(IReadOnlyList<Migration>? migrations = null, CancellationToken cancellationToken = default)
    {
        migrations ??= MigrationSource.Embedded();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    number     integer PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var newlyApplied = new List<string>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Number, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {migration.FileName} was changed after it was applied (checksum {checksum[..12]} in the database, {migration.Checksum[..12]} on disk). " +
                            "Migrations are forward-only: restore the file and add a new numbered migration instead.");
                    continue;
                }
                await ApplyAsync(connection, migration, cancellationToken);
                newlyApplied.Add(migration.FileName);
                logger.LogInformation("Applied migration {Migration}", migration.FileName);
            }
            return new MigrationReport(newlyApplied, applied.Count + newlyApplied.Count);
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
                await command.ExecuteNonQueryAsync(cancellationToken);
            await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (number, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.AddWithValue(migration.Number);
                record.Parameters.AddWithValue(migration.Name);
                record.Parameters.AddWithValue(migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException($"Migration {migration.FileName} failed: {e.MessageText} (at character {e.Position}). Nothing of it was applied.", e);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT number, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a migration run did: the files it applied now, and how many are applied in total.</summary>
public sealed record MigrationReport(IReadOnlyList<string> Applied, int Total);
