using System.ComponentModel.DataAnnotations;

namespace Jalin.Core.Agencies;

/// <summary>A perangkat daerah (OPD) of one region.</summary>
public sealed class Agency
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string RegionCode { get; init; }
    [MaxLength(200)] public required string Name { get; set; }
    [MaxLength(40)] public string? ShortName { get; set; }
    [MaxLength(200)] public string? HeadTitle { get; set; }
    [MaxLength(200)] public string? HeadName { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
