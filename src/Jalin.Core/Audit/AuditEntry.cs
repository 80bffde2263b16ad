namespace Jalin.Core.Audit;

/// <summary>An append-only audit row, chained per region: <see cref="Hash"/> is the HMAC-SHA256,
/// under the key named by <see cref="KeyId"/>, of this row's content and <see cref="PreviousHash"/>
/// (ADR 0004, ADR 0007).</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    /// <summary>The region whose chain holds the row; "*" for instance-wide rows (users, settings without region).</summary>
    public required string RegionCode { get; init; }
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public required string Action { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
    /// <summary>The audit key (<see cref="AuditKeyRing"/>) the hash was made with; null only on rows
    /// written before keyed chains (plain SHA-256), which the first start re-chains.</summary>
    public string? KeyId { get; init; }
}
