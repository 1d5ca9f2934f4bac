using Catalog.Plugins.Harvesting;

namespace Catalog.Indexer.Tests.Harvesting;

/// <summary>
/// <see cref="SecretRedaction"/>: what it hides, what it keeps (enough to name the source), and that migration 0600's
/// <c>catalog_redact_secrets</c> gives the same answers in PostgreSQL.
/// </summary>
public sealed class SecretRedactionTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    public static TheoryData<string, string> Redacted => new()
    {
        { "Host=db.internal;Port=5432;Database=shop;Username=reader;Password=s3cr3t!", "Host=db.internal;Port=5432;Database=shop;Username=reader;Password=***" },
        { "Host=db;Database=shop;Username=reader;Pwd=s3cr3t", "Host=db;Database=shop;Username=reader;Pwd=***" },
        { "Host=db;PASSWORD = s3 cr3t;Database=shop", "Host=db;PASSWORD=***;Database=shop" },
        { "Host=db;Password='a;b c';Database=shop", "Host=db;Password=***;Database=shop" },
        { "Host=db;Password=\"x\"\";y\";Database=shop", "Host=db;Password=***;Database=shop" },
        { "Host=db; SSL Password=k3y; Database=shop", "Host=db; SSL Password=***; Database=shop" },
        { "Host=db;Password=;Database=shop", "Host=db;Password=***;Database=shop" },
        { "postgres://reader:s3cr3t@db.internal:5432/shop", "postgres://reader:***@db.internal:5432/shop" },
        { "postgresql://reader:p@ss:w0rd@db:5432/shop?sslmode=require", "postgresql://reader:***@db:5432/shop?sslmode=require" },
        { "could not connect to postgres://u:pw@db/shop: timeout", "could not connect to postgres://u:***@db/shop: timeout" },
        { "https://ghp_abc123@github.com/org/repo.git", "https://***@github.com/org/repo.git" },
        { "https://api.example.com/v1/lineage?api_key=abc&x=1", "https://api.example.com/v1/lineage?api_key=***&x=1" },
        { "https://b.s3.amazonaws.com/f.json?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=deadbeef", "https://b.s3.amazonaws.com/f.json?X-Amz-Credential=***&X-Amz-Signature=***" },
        { "jdbc:postgresql://db:5432/shop?user=reader&password=s3cr3t", "jdbc:postgresql://db:5432/shop?user=reader&password=***" },
        { "PGPASSWORD=s3cr3t psql", "PGPASSWORD=***" },
        { "first line\nPassword=s3cr3t\nthird line", "first line\nPassword=***\nthird line" },
        { "AccountName=acct;AccountKey=abc==;EndpointSuffix=core.windows.net", "AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net" },
    };

    public static TheoryData<string> Kept => new()
    {
        "/data/dbt/target/manifest.json",
        "postgres://db.internal:5432/shop",
        "postgres://reader@db.internal:5432/shop",
        "Host=db;Port=5432;Database=shop;Username=reader",
        "http://host:8080/users/@me",
        "dataset:postgres://db:5432:shop.public.orders",
        "events/bad.json: run.runId: expected a UUID or a string, got a number",
        "C:/catalog/descriptors/catalog-info.yaml",
    };

    [Theory]
    [MemberData(nameof(Redacted))]
    public void A_secret_is_masked_and_the_rest_is_kept(string text, string expected) => Assert.Equal(expected, SecretRedaction.Redact(text));

    [Theory]
    [MemberData(nameof(Kept))]
    public void Text_without_a_secret_is_left_as_it_is(string text) => Assert.Equal(text, SecretRedaction.Redact(text));

    [Theory]
    [MemberData(nameof(Redacted))]
    public void Redacting_twice_changes_nothing(string text, string expected) => Assert.Equal(expected, SecretRedaction.Redact(SecretRedaction.Redact(text)));

    [Fact]
    public async Task The_migrations_sql_function_agrees_with_the_dotnet_redaction()
    {
        var samples = Redacted.Cast<object[]>().Select(r => (string)r[0]).Concat(Kept.Cast<object[]>().Select(k => (string)k[0])).ToList();

        foreach (var sample in samples)
            Assert.Equal(SecretRedaction.Redact(sample), await db.ScalarAsync<string>("SELECT catalog_redact_secrets($1)", sample));
    }
}
