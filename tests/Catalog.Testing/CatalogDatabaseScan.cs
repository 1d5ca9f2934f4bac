using Npgsql;

namespace Catalog.Testing;

/// <summary>Where a string occurs in a database: every column of every table, as text (and bytea as bytes).</summary>
public static class CatalogDatabaseScan
{
    /// <summary>"table" for each table with a row whose text form holds <paramref name="needle"/> (case-insensitive); bytea columns as "table.column".</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, string needle)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<(string Schema, string Table)>();
        var byteColumns = new List<(string Schema, string Table, string Column)>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetString(1)));
        await using (var list = new NpgsqlCommand("""
            SELECT table_schema, table_name, column_name FROM information_schema.columns
            WHERE data_type = 'bytea' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) byteColumns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));

        var hits = new List<string>();
        foreach (var (schema, table) in tables)
        {
            // A row's text form holds every column: text, jsonb, arrays, tsvector (which lower-cases: hence lower()).
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{schema}\".\"{table}\" r WHERE strpos(lower(r::text), lower($1)) > 0", connection);
            count.Parameters.AddWithValue(needle);
            if ((long)(await count.ExecuteScalarAsync())! > 0) hits.Add(table);
        }
        foreach (var (schema, table, column) in byteColumns)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{schema}\".\"{table}\" WHERE position(convert_to($1, 'UTF8') IN \"{column}\") > 0", connection);
            count.Parameters.AddWithValue(needle);
            if ((long)(await count.ExecuteScalarAsync())! > 0) hits.Add($"{table}.{column}");
        }
        return hits;
    }
}
