using Catalog.Domain.Audit;

namespace Catalog.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private static List<ChainedAuditEvent> Chain(int count)
    {
        var chain = new List<ChainedAuditEvent>();
        byte[] previous = [];
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEvent
            {
                Sequence = i, OccurredAt = Start.AddMinutes(i), Actor = "user:default:ana", Action = AuditActions.RetentionChanged,
                Target = "dataset:food_delivery:public.orders", Before = """{"mode":"keep_days","value":90}""", After = $$"""{"value":{{i}},"mode":"keep_days"}""",
            };
            var hash = AuditChain.ComputeHash(previous, e);
            chain.Add(new ChainedAuditEvent(e, i == 1 ? null : previous, hash));
            previous = hash;
        }
        return chain;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var verifier = AuditChainVerifier.Verify(Chain(5));

        Assert.True(verifier.IsIntact);
        Assert.Equal(5, verifier.Verified);
    }

    [Fact]
    public void A_changed_event_is_reported_at_its_sequence()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Event = chain[2].Event with { Reason = "edited later" } };

        var verifier = AuditChainVerifier.Verify(chain);

        Assert.Equal(3, verifier.Break?.Sequence);
        Assert.Contains("changed after it was written", verifier.Break?.Message);
        Assert.Equal(2, verifier.Verified);
    }

    [Fact]
    public void A_removed_event_is_reported_as_a_gap()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);

        Assert.Contains("Event 4 is missing", AuditChainVerifier.Verify(chain).Break?.Message);
    }

    [Fact]
    public void A_rehashed_event_still_breaks_the_link_of_the_next_one()
    {
        var chain = Chain(4);
        var forged = chain[1].Event with { Actor = "user:default:mallory" };
        chain[1] = chain[1] with { Event = forged, Hash = AuditChain.ComputeHash(chain[1].PreviousHash, forged) };

        var verifier = AuditChainVerifier.Verify(chain);

        Assert.Equal(3, verifier.Break?.Sequence);
        Assert.Contains("does not link", verifier.Break?.Message);
    }

    [Fact]
    public void Canonical_json_ignores_key_order_and_whitespace_of_before_and_after()
    {
        var a = new AuditEvent { OccurredAt = Start, Actor = "a", Action = "x", After = """{"b":1,"a":{"d":2,"c":3}}""" };
        var b = a with { After = """{ "a": {"c":3, "d":2}, "b": 1 }""" };

        Assert.Equal(AuditChain.CanonicalJson(a), AuditChain.CanonicalJson(b));
    }

    [Fact]
    public void Timestamps_are_hashed_at_microsecond_precision_as_postgresql_stores_them()
    {
        var precise = new AuditEvent { OccurredAt = Start.AddTicks(1234567), Actor = "a", Action = "x" };
        var stored = precise with { OccurredAt = AuditChain.Truncate(precise.OccurredAt) };

        Assert.Equal(AuditChain.ComputeHash([], precise), AuditChain.ComputeHash([], stored));
    }
}
