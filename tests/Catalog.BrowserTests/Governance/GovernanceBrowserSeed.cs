using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Users;
using Catalog.Plugins.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.BrowserTests.Governance;

/// <summary>
/// The three personas' world: olivia is in orders-team, which owns public.customers (40 daily partitions of 2 GiB,
/// an email column classified pii); victor is in no team; ada is an auditor. Seeded once per fixture.
/// </summary>
internal static class GovernanceBrowserSeed
{
    public const string Password = "browser-test passphrase only";
    public const long PartitionBytes = 2L * 1024 * 1024 * 1024;

    public static async Task EnsureAsync(PortalFixture portal)
    {
        await using var scope = portal.Portal.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminUserCommand>();
        var created = await accounts.AddUserAsync("olivia", Password, null, [], "test:seed");
        if (!created.Created) return;
        await accounts.AddUserAsync("victor", Password, null, [], "test:seed");
        await accounts.AddUserAsync("ada", Password, null, [CatalogRoles.Auditor], "test:seed");

        await portal.Portal.ExecuteAsync("""
            INSERT INTO entities (kind, namespace, name, title) VALUES ('group', 'default', 'orders-team', 'Orders team'),
                ('user', 'default', 'olivia', NULL), ('user', 'default', 'victor', NULL), ('user', 'default', 'ada', NULL);
            INSERT INTO entity_relations (from_id, relation, to_id)
                SELECT u.id, 'memberOf', g.id FROM entities u, entities g WHERE u.ref = 'user:default:olivia' AND g.ref = 'group:default:orders-team';
            INSERT INTO entities (kind, namespace, name, owner_ref, platform) VALUES ('dataset', 'food_delivery', 'public.customers', 'group:default:orders-team', 'postgres');
            INSERT INTO datasets (entity_id, partitioning) SELECT id, 'daily' FROM entities WHERE ref = 'dataset:food_delivery:public.customers';
            INSERT INTO dataset_fields (entity_id, ordinal, name, data_type, classification)
                SELECT id, 0, 'id', 'bigint', NULL FROM entities WHERE ref = 'dataset:food_delivery:public.customers'
                UNION ALL SELECT id, 1, 'email', 'text', 'pii' FROM entities WHERE ref = 'dataset:food_delivery:public.customers';
            INSERT INTO partitions (dataset_id, partition_key, granularity, bytes, row_count)
                SELECT e.id, to_char((now() AT TIME ZONE 'UTC')::date - d, 'YYYY-MM-DD'), 'daily', 2147483648, 1000
                FROM entities e, generate_series(0, 39) d WHERE e.ref = 'dataset:food_delivery:public.customers';
            """);
        // Something for the auditor to find besides sign-ins: a grant added earlier by the owner.
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(new AuditRecord("user:default:olivia", "grant.added", "dataset:food_delivery:public.customers")
        {
            After = new { principal = "group:default:analytics", permission = "read" }, Reason = "weekly churn report",
        });
    }
}
