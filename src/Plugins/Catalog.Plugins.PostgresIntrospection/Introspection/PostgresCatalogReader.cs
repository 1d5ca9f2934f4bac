using Npgsql;

namespace Catalog.Plugins.PostgresIntrospection.Introspection;

/// <summary>
/// Reads a database's structure from the system catalogs (pg_class, pg_attribute, pg_constraint, pg_depend,
/// pg_rewrite, pg_inherits): four queries, whatever the number of tables. Read-only; needs only CONNECT and USAGE.
/// </summary>
public static class PostgresCatalogReader
{
    private const string SystemSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    public static async Task<DatabaseSnapshot> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<string> excludeSchemas, CancellationToken cancellationToken)
    {
        var (database, comment) = await ReadDatabaseAsync(connection, cancellationToken);
        var schemas = (await ReadSchemasAsync(connection, cancellationToken)).Where(s => !excludeSchemas.Contains(s.Name)).ToList();
        var relations = (await ReadRelationsAsync(connection, cancellationToken)).Where(r => !excludeSchemas.Contains(r.Relation.Schema)).ToList();
        var columns = await ReadColumnsAsync(connection, cancellationToken);
        var (primaryKeys, foreignKeys) = await ReadConstraintsAsync(connection, cancellationToken);
        var dependencies = await ReadViewDependenciesAsync(connection, cancellationToken);
        var snapshots = relations.Select(r => r.Relation with
        {
            Columns = columns.GetValueOrDefault(r.Oid, []),
            PrimaryKey = primaryKeys.GetValueOrDefault(r.Oid),
            ForeignKeys = foreignKeys.GetValueOrDefault(r.Oid, []),
            DependsOn = dependencies.GetValueOrDefault(r.Oid, []),
        }).ToList();
        return new DatabaseSnapshot(database, comment, schemas, snapshots);
    }

    private static async Task<(string, string?)> ReadDatabaseAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_database(), shobj_description(d.oid, 'pg_database') FROM pg_database d WHERE d.datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static async Task<List<SchemaSnapshot>> ReadSchemasAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sql = $"SELECT n.nspname, obj_description(n.oid, 'pg_namespace') FROM pg_namespace n WHERE {SystemSchemas} ORDER BY n.nspname";
        var result = new List<SchemaSnapshot>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add(new SchemaSnapshot(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return result;
    }

    private static async Task<List<(uint Oid, RelationSnapshot Relation)>> ReadRelationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A partitioned table has no storage of its own: its size and rows are its leaf partitions' sums.
        var sql = $"""
            SELECT c.oid, n.nspname, c.relname, c.relkind::text, obj_description(c.oid, 'pg_class'),
                   CASE WHEN c.relkind = 'p'
                        THEN (SELECT sum(greatest(l.reltuples, 0))::bigint FROM pg_partition_tree(c.oid) t JOIN pg_class l ON l.oid = t.relid
                              WHERE t.isleaf HAVING bool_and(l.reltuples >= 0))
                        WHEN c.relkind IN ('r', 'm') AND c.reltuples >= 0 THEN c.reltuples::bigint END,
                   CASE WHEN c.relkind = 'p' THEN (SELECT sum(pg_total_relation_size(t.relid))::bigint FROM pg_partition_tree(c.oid) t WHERE t.isleaf)
                        WHEN c.relkind IN ('r', 'm') THEN pg_total_relation_size(c.oid) END,
                   pn.nspname || '.' || pc.relname, pg_get_expr(c.relpartbound, c.oid)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
            LEFT JOIN pg_class pc ON pc.oid = i.inhparent
            LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {SystemSchemas}
            ORDER BY n.nspname, c.relname
            """;
        var result = new List<(uint, RelationSnapshot)>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetString(3) switch
            {
                "p" => RelationKind.PartitionedTable,
                "v" => RelationKind.View,
                "m" => RelationKind.MaterializedView,
                "f" => RelationKind.ForeignTable,
                _ => RelationKind.Table,
            };
            result.Add((reader.GetFieldValue<uint>(0), new RelationSnapshot(reader.GetString(1), reader.GetString(2), kind)
            {
                Comment = reader.IsDBNull(4) ? null : reader.GetString(4),
                RowEstimate = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                TotalBytes = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                PartitionOf = reader.IsDBNull(7) ? null : reader.GetString(7),
                PartitionBound = reader.IsDBNull(8) ? null : reader.GetString(8),
            }));
        }
        return result;
    }

    private static async Task<Dictionary<uint, List<ColumnSnapshot>>> ReadColumnsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {SystemSchemas}
            ORDER BY a.attrelid, a.attnum
            """;
        var result = new Dictionary<uint, List<ColumnSnapshot>>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            if (!result.TryGetValue(oid, out var list)) result[oid] = list = [];
            list.Add(new ColumnSnapshot(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return result;
    }

    private static async Task<(Dictionary<uint, KeySnapshot>, Dictionary<uint, List<ForeignKeySnapshot>>)> ReadConstraintsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // conparentid = 0: constraints declared on the table itself, not the copies PostgreSQL makes on each partition.
        const string sql = """
            SELECT con.conrelid, con.conname, con.contype::text,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   fn.nspname, fc.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_constraint con
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            WHERE con.contype IN ('p', 'f') AND con.conparentid = 0 AND con.conrelid <> 0
            ORDER BY con.conrelid, con.conname
            """;
        var primary = new Dictionary<uint, KeySnapshot>();
        var foreign = new Dictionary<uint, List<ForeignKeySnapshot>>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            var columns = reader.GetFieldValue<string[]>(3);
            if (reader.GetString(2) == "p")
            {
                primary[oid] = new KeySnapshot(reader.GetString(1), columns);
                continue;
            }
            if (!foreign.TryGetValue(oid, out var list)) foreign[oid] = list = [];
            list.Add(new ForeignKeySnapshot(reader.GetString(1), columns, reader.GetString(4), reader.GetString(5), reader.GetFieldValue<string[]>(6)));
        }
        return (primary, foreign);
    }

    private static async Task<Dictionary<uint, List<string>>> ReadViewDependenciesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A view's query is its _RETURN rule; what the rule depends on is what the view reads.
        const string sql = """
            SELECT DISTINCT v.oid, dn.nspname || '.' || d.relname AS source
            FROM pg_rewrite r
            JOIN pg_class v ON v.oid = r.ev_class
            JOIN pg_depend dep ON dep.classid = 'pg_rewrite'::regclass AND dep.objid = r.oid AND dep.refclassid = 'pg_class'::regclass
            JOIN pg_class d ON d.oid = dep.refobjid
            JOIN pg_namespace dn ON dn.oid = d.relnamespace
            WHERE v.relkind IN ('v', 'm') AND d.oid <> v.oid AND d.relkind IN ('r', 'p', 'v', 'm', 'f')
            ORDER BY v.oid, source
            """;
        var result = new Dictionary<uint, List<string>>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            if (!result.TryGetValue(oid, out var list)) result[oid] = list = [];
            list.Add(reader.GetString(1));
        }
        return result;
    }
}
