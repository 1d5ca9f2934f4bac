namespace Catalog.Domain.Audit;

/// <summary>An audit event as stored: the event and the two hashes that link it into the chain.</summary>
public sealed record ChainedAuditEvent(AuditEvent Event, byte[]? PreviousHash, byte[]? Hash);
