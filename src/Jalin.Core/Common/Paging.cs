namespace Jalin.Core.Common;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    /// <summary>True when the list stopped counting at <see cref="TotalCount"/>: more rows match (a free-text filter
    /// matching more than <see cref="Search.SiteSearch.MaxCandidates"/> records shows the first ones found).</summary>
    public bool TotalIsAtLeast { get; init; }

    public int TotalPages => PageSize == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int page, int size) Normalize(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? 25, 1, MaxPageSize));
}
