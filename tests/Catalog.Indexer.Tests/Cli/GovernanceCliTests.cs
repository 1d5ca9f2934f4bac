using Catalog.Indexer.Tests.Harvesting;

namespace Catalog.Indexer.Tests.Cli;

public sealed class GovernanceCliTests(HarvestDatabase db) : IClassFixture<HarvestDatabase>
{
    [Fact]
    public async Task Add_admin_reads_the_password_from_standard_input_creates_the_account_and_audits_it()
    {
        var (exitCode, output) = await IndexerProcess.RunAsync(db.ConnectionString, null, "a-long-enough-password-1", "users", "add-admin", "--user", "first-admin");

        Assert.True(exitCode == 0, output);
        Assert.Equal(1L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM identity_users u JOIN identity_user_roles ur ON ur.user_id = u.id JOIN identity_roles r ON r.id = ur.role_id
            WHERE u.user_name = 'first-admin' AND r.name = 'admin'
            """));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE actor LIKE 'cli:%' AND target = 'user:default:first-admin'"));
    }

    [Fact]
    public async Task Add_admin_without_a_password_refuses_with_exit_code_2_and_says_how_to_give_one()
    {
        var (exitCode, output) = await IndexerProcess.RunAsync(db.ConnectionString, null, "", "users", "add-admin", "--user", "no-password");

        Assert.Equal(2, exitCode);
        Assert.Contains("CATALOG_ADMIN_PASSWORD", output, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM identity_users WHERE user_name = 'no-password'"));
    }

    [Fact]
    public async Task Audit_verify_exits_zero_on_an_intact_chain_and_one_with_the_sequence_of_a_tampered_event()
    {
        await IndexerProcess.RunAsync(db.ConnectionString, new Dictionary<string, string> { ["CATALOG_ADMIN_PASSWORD"] = "another-long-password-2" }, null, "users", "add-admin", "--user", "auditor-check");
        var (intactCode, intact) = await IndexerProcess.RunAsync(db.ConnectionString, null, null, "audit", "verify");
        Assert.True(intactCode == 0, intact);
        Assert.Contains("Intact", intact, StringComparison.Ordinal);

        // The table rejects UPDATE; an attacker with superuser rights disables the guard first. Verification still catches it.
        var tampered = await db.ScalarAsync<long>("SELECT max(sequence) FROM audit_events");
        await db.ScalarAsync<object>($"""
            ALTER TABLE audit_events DISABLE TRIGGER USER;
            UPDATE audit_events SET reason = 'rewritten' WHERE sequence = {tampered};
            ALTER TABLE audit_events ENABLE TRIGGER USER;
            """);
        var (brokenCode, broken) = await IndexerProcess.RunAsync(db.ConnectionString, null, null, "audit", "verify");

        Assert.Equal(1, brokenCode);
        Assert.Contains($"Broken at event {tampered}", broken, StringComparison.Ordinal);
    }
}
