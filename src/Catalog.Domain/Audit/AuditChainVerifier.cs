namespace Catalog.Domain.Audit;

/// <summary>
/// Walks the chain in sequence order and recomputes every hash. Reports the first event that does not verify and
/// why: a changed row (hash mismatch), a removed or reordered row (link mismatch), or a gap in the sequence.
/// </summary>
public sealed class AuditChainVerifier
{
    private byte[] expectedPrevious = [];
    private long? lastSequence;

    public long Verified { get; private set; }
    public AuditChainBreak? Break { get; private set; }
    public bool IsIntact => Break is null;

    /// <summary>Feeds the next stored event; returns false once the chain is broken (later events are not checked).</summary>
    public bool Add(ChainedAuditEvent stored)
    {
        if (Break is not null) return false;
        var sequence = stored.Event.Sequence;
        if (lastSequence is { } last && sequence != last + 1)
            return Fail(sequence, $"Event {last + 1} is missing: the sequence jumps from {last} to {sequence}.");
        if (!(stored.PreviousHash ?? []).AsSpan().SequenceEqual(expectedPrevious))
            return Fail(sequence, $"Event {sequence} does not link to the event before it: an event was removed, inserted or reordered.");
        var recomputed = AuditChain.ComputeHash(expectedPrevious, stored.Event);
        if (stored.Hash is null || !recomputed.AsSpan().SequenceEqual(stored.Hash))
            return Fail(sequence, $"Event {sequence} was changed after it was written: its content no longer matches its hash.");
        expectedPrevious = stored.Hash;
        lastSequence = sequence;
        Verified++;
        return true;
    }

    public static AuditChainVerifier Verify(IEnumerable<ChainedAuditEvent> events)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in events)
            if (!verifier.Add(e)) break;
        return verifier;
    }

    private bool Fail(long sequence, string message)
    {
        Break = new AuditChainBreak(sequence, message);
        return false;
    }
}

public sealed record AuditChainBreak(long Sequence, string Message);
