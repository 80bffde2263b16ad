namespace Jalin.Core.Audit;

/// <summary>An append-only audit row, hash-chained per region: <see cref="Hash"/> covers this
/// row's content and <see cref="PreviousHash"/>.</summary>
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
}
