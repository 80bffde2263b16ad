using Jalin.Core.Agencies;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jalin.Core.Tkksd;

/// <summary>The TKKSD tables (issue #10 item 4), configured here so JalinDb needs one line.</summary>
public static class TkksdModel
{
    public static void Map(ModelBuilder b)
    {
        b.Entity<TkksdTeam>(e =>
        {
            e.ToTable("TkksdTeams");
            e.Property(t => t.RegionCode).HasMaxLength(13);
            e.Property(t => t.DecreeNumber).HasMaxLength(150);
            e.Property(t => t.CreatedBy).HasMaxLength(100);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasIndex(t => new { t.RegionCode, t.IsActive });
            e.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TkksdMember>(e =>
        {
            e.ToTable("TkksdMembers");
            e.Property(m => m.RegionCode).HasMaxLength(13);
            e.Property(m => m.UserId).HasMaxLength(450);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Position).HasMaxLength(200);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(m => m.UserId);
            e.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TkksdCriterion>(e =>
        {
            e.ToTable("TkksdCriteria");
            e.Property(c => c.RegionCode).HasMaxLength(13);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Description).HasMaxLength(1000);
            e.HasIndex(c => new { c.RegionCode, c.Order });
            e.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TkksdAssignment>(e =>
        {
            e.ToTable("TkksdAssignments");
            e.Property(a => a.RegionCode).HasMaxLength(13);
            e.Property(a => a.SubjectType).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.AssignedBy).HasMaxLength(100);
            e.Property(a => a.SubmittedBy).HasMaxLength(100);
            e.Property(a => a.Remarks).HasMaxLength(4000);
            e.Property(a => a.Recommendation).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.Scores).HasConversion(ScoresConverter, ScoresComparer);
            e.HasIndex(a => new { a.SubjectType, a.SubjectId, a.MemberId }).IsUnique();
            e.HasIndex(a => a.MemberId);
            e.HasOne<TkksdMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static string Write(List<CriterionScore> v) => System.Text.Json.JsonSerializer.Serialize(v, Json);
    private static List<CriterionScore> Read(string s) => System.Text.Json.JsonSerializer.Deserialize<List<CriterionScore>>(s, Json) ?? [];

    private static readonly ValueConverter<List<CriterionScore>, string> ScoresConverter = new(v => Write(v), s => Read(s));

    private static readonly ValueComparer<List<CriterionScore>> ScoresComparer = new((x, y) => Write(x!) == Write(y!), v => Write(v).GetHashCode(), v => Read(Write(v)));
}
