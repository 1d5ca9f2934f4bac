using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Catalog.Testing;
using Npgsql;

namespace Catalog.Web.Tests.Governance;

/// <summary>The audit trail on its own database: tampering here must not break the portal tests' chain.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private NpgsqlDataSource db = null!;
    private AuditTrail trail = null!;

    public async Task InitializeAsync()
    {
        db = NpgsqlDataSource.Create(await PostgresServer.CreateDatabaseAsync("audit"));
        trail = new AuditTrail(db, TimeProvider.System);
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private Task<long> RecordAsync(int i) => trail.RecordAsync(new AuditRecord("user:default:olivia", AuditActions.RetentionChanged, "dataset:food_delivery:public.customers")
    {
        Before = new { mode = "keep_days", value = 90 }, After = new { value = i, mode = "keep_days", note = "ünïcode \"quoted\"" }, Reason = $"change {i}",
    });

    private async Task<string?> ExecuteAsync(string sql, bool replicaRole = false)
    {
        await using var connection = await db.OpenConnectionAsync();
        if (replicaRole)
        {
            // A superuser skipping triggers: the tamperer the hash chain is there to catch.
            await using var role = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await role.ExecuteNonQueryAsync();
        }
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.MessageText;
        }
    }

    [Fact]
    public async Task Events_written_concurrently_form_one_unbroken_chain_with_contiguous_sequences()
    {
        await Task.WhenAll(Enumerable.Range(1, 40).Select(RecordAsync));

        var result = await new AuditVerification(db).VerifyAsync();

        Assert.True(result.IsIntact, result.Break?.Message);
        Assert.Equal(40, result.Verified);
        Assert.Equal(64, result.HeadHash?.Length);
    }

    [Theory]
    [InlineData("UPDATE audit_events SET reason = 'nothing to see' WHERE sequence = 1", "append-only: UPDATE")]
    [InlineData("DELETE FROM audit_events WHERE sequence = 1", "append-only: DELETE")]
    [InlineData("TRUNCATE audit_events", "append-only: TRUNCATE")]
    public async Task The_database_refuses_to_change_or_remove_audit_events(string sql, string message)
    {
        await RecordAsync(1);

        Assert.Contains(message, await ExecuteAsync(sql));
    }

    [Fact]
    public async Task An_event_changed_behind_the_triggers_back_is_found_by_the_verifier_at_its_sequence()
    {
        for (var i = 1; i <= 5; i++) await RecordAsync(i);
        var minimum = await ScalarAsync("SELECT min(sequence) FROM audit_events");

        Assert.Null(await ExecuteAsync($"UPDATE audit_events SET after = jsonb_set(after, '{{value}}', '365') WHERE sequence = {minimum + 2}", replicaRole: true));
        var result = await new AuditVerification(db).VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(minimum + 2, result.Break?.Sequence);
        Assert.Contains("changed after it was written", result.Break?.Message);
    }

    [Fact]
    public async Task A_deleted_event_is_found_as_a_gap()
    {
        for (var i = 1; i <= 4; i++) await RecordAsync(i);
        var minimum = await ScalarAsync("SELECT min(sequence) FROM audit_events");

        Assert.Null(await ExecuteAsync($"DELETE FROM audit_events WHERE sequence = {minimum + 1}", replicaRole: true));
        var result = await new AuditVerification(db).VerifyAsync();

        Assert.Equal(minimum + 2, result.Break?.Sequence);
        Assert.Contains($"Event {minimum + 1} is missing", result.Break?.Message);
    }

    [Fact]
    public async Task A_change_and_its_audit_event_commit_together_or_not_at_all()
    {
        await using var connection = await db.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await trail.RecordAsync(connection, transaction, new AuditRecord("user:default:olivia", AuditActions.GrantAdded, "x"));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM audit_events WHERE action = 'grant.added'"));
    }

    [Fact]
    public async Task Csv_export_quotes_fields_and_defuses_spreadsheet_formulas()
    {
        await trail.RecordAsync(new AuditRecord("user:default:olivia", AuditActions.AccessRequested, "dataset:x:y") { Reason = "=HYPERLINK(\"http://evil\")" });
        var csv = new StringWriter();

        await new AuditQuery(db).WriteCsvAsync(new AuditFilter { Action = "access-request" }, csv);

        var lines = csv.ToString().TrimEnd().Split('\n');
        Assert.Equal("sequence,occurred_at,actor,action,target,succeeded,reason,before,after,hash", lines[0].TrimEnd('\r'));
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", lines[1]);
    }

    [Fact]
    public async Task Search_filters_by_action_family_actor_and_free_text()
    {
        await RecordAsync(1);
        await trail.RecordAsync(new AuditRecord("anonymous", AuditActions.SignInFailed, "user-name:mallory") { Succeeded = false });
        var query = new AuditQuery(db);

        var failures = await query.SearchAsync(new AuditFilter { Succeeded = false });
        var byText = await query.SearchAsync(new AuditFilter { Text = "mallory" });
        var byFamily = await query.SearchAsync(new AuditFilter { Action = "retention", Actor = "user:default:olivia" });

        Assert.All(failures, e => Assert.False(e.Succeeded));
        Assert.Contains(failures, e => e.Action == AuditActions.SignInFailed);
        Assert.Equal("user-name:mallory", Assert.Single(byText).Target);
        Assert.All(byFamily, e => Assert.Equal(AuditActions.RetentionChanged, e.Action));
        Assert.NotEmpty(byFamily);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
