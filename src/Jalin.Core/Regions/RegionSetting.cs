namespace Jalin.Core.Regions;

/// <summary>A region's own value for a setting the law leaves open.</summary>
public sealed class RegionSetting
{
    public required string RegionCode { get; init; }
    public required string Key { get; init; }
    public required string Value { get; set; }
}
