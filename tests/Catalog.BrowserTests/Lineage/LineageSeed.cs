using Catalog.Testing;

namespace Catalog.BrowserTests.Lineage;

/// <summary>Lineage rows for browser tests, written with SQL the way harvesters leave them.</summary>
internal static class LineageSeed
{
    public static async Task PipelineAsync(CatalogWebFactory portal)
    {
        await portal.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name, owner_ref) VALUES
              ('dataset', 'shop', 'raw.orders', 'group:default:ingest'),
              ('job', 'shop', 'etl_orders', NULL),
              ('dataset', 'shop', 'mart.orders', 'group:default:data-eng'),
              ('job', 'shop', 'daily_report', NULL),
              ('dataset', 'shop', 'mart.daily_revenue', 'group:default:finance')
            ON CONFLICT DO NOTHING
            """);
        await EdgesAsync(portal, ("dataset:shop:raw.orders", "job:shop:etl_orders", "reads"), ("job:shop:etl_orders", "dataset:shop:mart.orders", "writes"),
            ("dataset:shop:mart.orders", "job:shop:daily_report", "reads"), ("job:shop:daily_report", "dataset:shop:mart.daily_revenue", "writes"));
        await portal.ExecuteAsync("""
            INSERT INTO column_lineage_edges (from_dataset_id, from_field, to_dataset_id, to_field, transformation_type, transformation_subtype)
            SELECT f.id, x.ff, t.id, x.tf, 'DIRECT', x.st FROM (VALUES
                ('dataset:shop:raw.orders', 'amount_cents', 'dataset:shop:mart.orders', 'amount', 'TRANSFORMATION'),
                ('dataset:shop:mart.orders', 'amount', 'dataset:shop:mart.daily_revenue', 'revenue', 'AGGREGATION')) AS x(fr, ff, tr, tf, st)
            JOIN entities f ON f.ref = x.fr JOIN entities t ON t.ref = x.tr
            ON CONFLICT DO NOTHING
            """);
    }

    /// <summary>One source read by 40 jobs that write 24 datasets each: 1,001 nodes.</summary>
    public static async Task FanOutAsync(CatalogWebFactory portal)
    {
        await portal.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name, owner_ref) VALUES ('dataset', 'events', 'raw.plays', 'group:default:listening')
            ON CONFLICT DO NOTHING;
            INSERT INTO entities (kind, namespace, name, owner_ref)
            SELECT 'job', 'events', 'aggregate_' || lpad(j::text, 2, '0'), 'group:default:team-' || (j % 7) FROM generate_series(1, 40) j
            ON CONFLICT DO NOTHING;
            INSERT INTO entities (kind, namespace, name, owner_ref)
            SELECT 'dataset', 'events', 'mart_' || lpad(j::text, 2, '0') || '.table_' || lpad(d::text, 2, '0'), 'group:default:team-' || (j % 7)
            FROM generate_series(1, 40) j, generate_series(1, 24) d
            ON CONFLICT DO NOTHING;
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT s.id, j.id, 'reads' FROM entities s, entities j
            WHERE s.ref = 'dataset:events:raw.plays' AND j.kind = 'job' AND j.namespace = 'events'
            ON CONFLICT DO NOTHING;
            INSERT INTO lineage_edges (from_id, to_id, edge_kind)
            SELECT j.id, d.id, 'writes' FROM entities j JOIN entities d
              ON d.kind = 'dataset' AND d.namespace = 'events' AND d.name LIKE 'mart\_' || substr(j.name, 11, 2) || '.%'
            WHERE j.kind = 'job' AND j.namespace = 'events'
            ON CONFLICT DO NOTHING;
            """);
    }

    private static async Task EdgesAsync(CatalogWebFactory portal, params (string From, string To, string Kind)[] edges)
    {
        foreach (var (from, to, kind) in edges)
            await portal.ExecuteAsync("""
                INSERT INTO lineage_edges (from_id, to_id, edge_kind)
                SELECT f.id, t.id, $3 FROM entities f, entities t WHERE f.ref = $1 AND t.ref = $2
                ON CONFLICT DO NOTHING
                """, from, to, kind);
    }
}
