namespace Catalog.Web.Tests.Lineage;

/// <summary>
/// A small shop pipeline written as rows: raw orders and customers → etl_orders → mart.orders → daily_report →
/// mart.daily_revenue, plus a restricted ledger branch and a backfill job that closes a cycle back to raw.orders.
/// </summary>
public static class ShopLineage
{
    public const string RawOrders = "dataset:shop:raw.orders";
    public const string RawCustomers = "dataset:shop:raw.customers";
    public const string MartOrders = "dataset:shop:mart.orders";
    public const string DailyRevenue = "dataset:shop:mart.daily_revenue";
    public const string Ledger = "dataset:shop:secret.ledger";
    public const string Board = "dataset:shop:mart.board";
    public const string EtlOrders = "job:shop:etl_orders";
    public const string DailyReport = "job:shop:daily_report";
    public const string LedgerJob = "job:shop:ledger";
    public const string BoardJob = "job:shop:board";
    public const string Backfill = "job:shop:backfill";

    public static async Task SeedAsync(LineageTestData data)
    {
        await data.MemberAsync("user:default:olga", "group:default:audit");
        await data.EntityAsync(RawOrders, owner: "group:default:ingest", title: "Raw orders");
        await data.EntityAsync(MartOrders, owner: "group:default:data-eng");
        await data.EntityAsync(DailyRevenue, owner: "group:default:finance");
        await data.EntityAsync(Ledger, owner: "group:default:audit", restricted: true);
        await data.EntityAsync(Board, owner: "group:default:exec");
        await data.JobAsync(EtlOrders, [RawOrders, RawCustomers], [MartOrders], owner: "group:default:data-eng");
        await data.JobAsync(DailyReport, [MartOrders], [DailyRevenue]);
        await data.JobAsync(LedgerJob, [MartOrders], [Ledger]);
        await data.JobAsync(BoardJob, [Ledger], [Board]);
        await data.JobAsync(Backfill, [DailyRevenue], [RawOrders]);

        await data.FieldAsync(RawOrders, 0, "id", "bigint");
        await data.FieldAsync(RawOrders, 1, "amount_cents", "bigint");
        await data.FieldAsync(MartOrders, 0, "order_id", "bigint");
        await data.FieldAsync(MartOrders, 1, "amount", "numeric");
        await data.FieldAsync(DailyRevenue, 0, "revenue", "numeric");
        await data.ColumnEdgeAsync(RawOrders, "id", MartOrders, "order_id", "DIRECT", "IDENTITY");
        await data.ColumnEdgeAsync(RawOrders, "amount_cents", MartOrders, "amount", "DIRECT", "TRANSFORMATION");
        await data.ColumnEdgeAsync(MartOrders, "amount", DailyRevenue, "revenue", "DIRECT", "AGGREGATION");
        await data.ColumnEdgeAsync(MartOrders, "amount", Ledger, "amount", "DIRECT", "IDENTITY");
    }
}

/// <summary>The portal with the shop pipeline, answering from the in-memory snapshot.</summary>
public sealed class ShopSnapshotFactory() : LineageWebFactory("Snapshot")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ShopLineage.SeedAsync(Data);
    }
}

/// <summary>The same pipeline answered by recursive SQL only.</summary>
public sealed class ShopSqlFactory() : LineageWebFactory("Sql")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ShopLineage.SeedAsync(Data);
    }
}
