using Npgsql;

namespace Catalog.Web.Tests.Governance;

/// <summary>
/// Teams, people and datasets, written as harvesting would: olivia is in orders-team, which owns public.customers
/// (daily partitions, an email column classified pii) and mart.customer_emails (fed from that email column); oscar
/// is in marketing, which owns marketing.campaigns; victor, ada and root are in no team.
/// </summary>
public sealed record GovernanceSeed(long Customers, long CustomerEmails, long Campaigns, int DailyPartitions)
{
    public const string CustomersRef = "dataset:food_delivery:public.customers";
    public const string OrdersTeam = "group:default:orders-team";
    public const string Marketing = "group:default:marketing";
    public const long PartitionBytes = 2L * 1024 * 1024 * 1024;

    public static async Task<GovernanceSeed> CreateAsync(NpgsqlDataSource db)
    {
        async Task<long> Entity(string kind, string ns, string name, string? owner = null, string classification = "internal")
        {
            await using var c = db.CreateCommand("INSERT INTO entities (kind, namespace, name, owner_ref, classification, platform) VALUES (@k, @n, @name, @o, @c, 'postgres') RETURNING id");
            c.Parameters.AddWithValue("k", kind);
            c.Parameters.AddWithValue("n", ns);
            c.Parameters.AddWithValue("name", name);
            c.Parameters.AddWithValue("o", (object?)owner ?? DBNull.Value);
            c.Parameters.AddWithValue("c", classification);
            return (long)(await c.ExecuteScalarAsync())!;
        }
        async Task Sql(string sql, params (string, object)[] ps)
        {
            await using var c = db.CreateCommand(sql);
            foreach (var (n, v) in ps) c.Parameters.AddWithValue(n, v);
            await c.ExecuteNonQueryAsync();
        }

        var ordersTeam = await Entity("group", "default", "orders-team");
        var marketing = await Entity("group", "default", "marketing");
        foreach (var (user, team) in new[] { ("olivia", ordersTeam), ("oscar", marketing), ("victor", 0L), ("ada", 0L), ("root", 0L) })
        {
            var id = await Entity("user", "default", user);
            if (team != 0) await Sql("INSERT INTO entity_relations (from_id, relation, to_id) VALUES (@u, 'memberOf', @g)", ("u", id), ("g", team));
        }

        var customers = await Entity("dataset", "food_delivery", "public.customers", OrdersTeam);
        var emails = await Entity("dataset", "food_delivery", "mart.customer_emails", OrdersTeam);
        var campaigns = await Entity("dataset", "marketing", "campaigns", Marketing);
        await Sql("INSERT INTO datasets (entity_id, partitioning) VALUES (@a, 'daily'), (@b, 'daily'), (@c, 'none')", ("a", customers), ("b", emails), ("c", campaigns));
        await Sql("""
            INSERT INTO dataset_fields (entity_id, ordinal, name, data_type, classification) VALUES
              (@c, 0, 'id', 'bigint', NULL), (@c, 1, 'email', 'text', 'pii'), (@c, 2, 'city', 'text', NULL),
              (@e, 0, 'customer_email', 'text', NULL), (@e, 1, 'signup_day', 'date', NULL)
            """, ("c", customers), ("e", emails));
        await Sql("""
            INSERT INTO column_lineage_edges (from_dataset_id, from_field, to_dataset_id, to_field, transformation_type)
            VALUES (@c, 'email', @e, 'customer_email', 'DIRECT'), (@c, 'city', @e, 'signup_day', 'INDIRECT')
            """, ("c", customers), ("e", emails));
        // 40 daily partitions, today back to 39 days ago, 2 GiB each.
        await Sql("""
            INSERT INTO partitions (dataset_id, partition_key, granularity, bytes, row_count)
            SELECT @c, to_char((now() AT TIME ZONE 'UTC')::date - d, 'YYYY-MM-DD'), 'daily', @bytes, 1000 FROM generate_series(0, 39) d
            """, ("c", customers), ("bytes", PartitionBytes));
        return new GovernanceSeed(customers, emails, campaigns, 40);
    }
}
