using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Audit;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Mapping;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Jalin.Core.Regions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jalin.Core.Data;

public sealed class JalinDb(DbContextOptions<JalinDb> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<GovernmentAffair> GovernmentAffairs => Set<GovernmentAffair>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();
    public DbSet<AgreementDocument> AgreementDocuments => Set<AgreementDocument>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<RegionSetting> RegionSettings => Set<RegionSetting>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<DraftVersion> DraftVersions => Set<DraftVersion>();
    public DbSet<DraftComment> DraftComments => Set<DraftComment>();
    public DbSet<RegionTemplate> RegionTemplates => Set<RegionTemplate>();
    public DbSet<LibraryClause> LibraryClauses => Set<LibraryClause>();
    public DbSet<DocumentVerification> DocumentVerifications => Set<DocumentVerification>();
    public DbSet<SigningRecord> SigningRecords => Set<SigningRecord>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalAttachment> ProposalAttachments => Set<ProposalAttachment>();
    public DbSet<ProposalHistory> ProposalHistories => Set<ProposalHistory>();
    public DbSet<MappingItem> MappingItems => Set<MappingItem>();
    public DbSet<GoodPractices.GoodPractice> GoodPractices => Set<GoodPractices.GoodPractice>();
    public DbSet<GoodPractices.GoodPracticeDocument> GoodPracticeDocuments => Set<GoodPractices.GoodPracticeDocument>();
    public DbSet<MappingRound> MappingRounds => Set<MappingRound>();
    public DbSet<MappingRoundAgency> MappingRoundAgencies => Set<MappingRoundAgency>();
    public DbSet<MappingReminder> MappingReminders => Set<MappingReminder>();
    public DbSet<Tkksd.TkksdTeam> TkksdTeams => Set<Tkksd.TkksdTeam>();
    public DbSet<Tkksd.TkksdMember> TkksdMembers => Set<Tkksd.TkksdMember>();
    public DbSet<Tkksd.TkksdCriterion> TkksdCriteria => Set<Tkksd.TkksdCriterion>();
    public DbSet<Tkksd.TkksdAssignment> TkksdAssignments => Set<Tkksd.TkksdAssignment>();
    public DbSet<Evaluation.EvaluationCriterion> EvaluationCriteria => Set<Evaluation.EvaluationCriterion>();
    public DbSet<Evaluation.AgreementEvaluation> AgreementEvaluations => Set<Evaluation.AgreementEvaluation>();
    public DbSet<Evaluation.MonitoringRound> MonitoringRounds => Set<Evaluation.MonitoringRound>();
    public DbSet<Evaluation.MonitoringAssignment> MonitoringAssignments => Set<Evaluation.MonitoringAssignment>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Mail.OutboxMessage> MailOutbox => Set<Mail.OutboxMessage>();
    // C: discussion threads and the facilitation desk (issue #10 items 4 and 7)
    public DbSet<Threads.DiscussionMessage> DiscussionMessages => Set<Threads.DiscussionMessage>();
    public DbSet<Threads.DiscussionAttachment> DiscussionAttachments => Set<Threads.DiscussionAttachment>();
    public DbSet<Facilitation.FacilitationRequest> FacilitationRequests => Set<Facilitation.FacilitationRequest>();
    public DbSet<Facilitation.FacilitationHistory> FacilitationHistory => Set<Facilitation.FacilitationHistory>();
    public DbSet<Monitoring.Obligation> Obligations => Set<Monitoring.Obligation>();
    public DbSet<Monitoring.MonitoringEvidence> MonitoringEvidence => Set<Monitoring.MonitoringEvidence>();
    public DbSet<ForeignDuties.AnnualActivityPlan> AnnualActivityPlans => Set<ForeignDuties.AnnualActivityPlan>();
    public DbSet<ForeignDuties.ExtensionDecision> ExtensionDecisions => Set<ForeignDuties.ExtensionDecision>();
    public DbSet<ForeignDuties.ForeignSupervision> ForeignSupervisions => Set<ForeignDuties.ForeignSupervision>();
    public DbSet<Monitoring.ProgressReport> ProgressReports => Set<Monitoring.ProgressReport>();
    public DbSet<Monitoring.MonitoringPlan> MonitoringPlans => Set<Monitoring.MonitoringPlan>();
    public DbSet<Offers.OfferAnswerRecord> OfferAnswers => Set<Offers.OfferAnswerRecord>();
    public DbSet<Offers.PartyDprdApproval> PartyDprdApprovals => Set<Offers.PartyDprdApproval>();
    public DbSet<PartnerPortal.PortalSubmission> PortalSubmissions => Set<PartnerPortal.PortalSubmission>();
    public DbSet<PartnerPortal.PortalRequest> PortalRequests => Set<PartnerPortal.PortalRequest>();
    // D: coordination events
    public DbSet<global::Jalin.Core.Events.CoordinationEvent> Events => Set<global::Jalin.Core.Events.CoordinationEvent>();
    public DbSet<global::Jalin.Core.Events.EventInvitee> EventInvitees => Set<global::Jalin.Core.Events.EventInvitee>();
    public DbSet<global::Jalin.Core.Events.EventMaterial> EventMaterials => Set<global::Jalin.Core.Events.EventMaterial>();
    public DbSet<global::Jalin.Core.Events.EventFollowUp> EventFollowUps => Set<global::Jalin.Core.Events.EventFollowUp>();

    // H: upward reports (issue #11 item 7)
    public DbSet<UpwardReports.UpwardReport> UpwardReports => Set<UpwardReports.UpwardReport>();

    // S: search index (issue #12 item 3)
    public DbSet<Search.SearchEntry> SearchEntries => Set<Search.SearchEntry>();

    // I: imports of legacy registers (issue #13 item 1)
    public DbSet<Import.ImportSession> ImportSessions => Set<Import.ImportSession>();

    /// <summary>Who the audit trail records for changes saved through this context.</summary>
    public CurrentActor Actor { get; set; } = CurrentActor.System;

    /// <summary>The audit keys this context chains with (from its <see cref="AuditInterceptor"/>).</summary>
    public AuditKeyRing AuditKeys => Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(this)
        .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?
        .OfType<AuditInterceptor>().FirstOrDefault()?.Keys ?? AuditKeyRing.Development;

    public JalinDb ActingAs(CurrentActor actor)
    {
        Actor = actor;
        return this;
    }

    /// <summary>A save that inserts rows with database-generated keys (history rows) runs in a
    /// transaction, so the audit interceptor can record their real keys right after the insert.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !InsertsGeneratedKeys()) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var tx = Database.BeginTransaction();
        var n = base.SaveChanges(acceptAllChangesOnSuccess);
        tx.Commit();
        return n;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !InsertsGeneratedKeys()) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return n;
    }

    private bool InsertsGeneratedKeys() => ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Entity is not AuditEntry
        && e.Metadata.FindPrimaryKey() is { } key && key.Properties.Any(p => e.Property(p.Name).IsTemporary));

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<ApplicationUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(40);
            e.Property(u => u.RegionCode).HasMaxLength(13);
            e.HasIndex(u => u.RegionCode);
        });

        b.Entity<Region>(e =>
        {
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(13);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.ProvinceCode).HasMaxLength(13);
            e.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(r => r.ProvinceCode);
        });

        b.Entity<GovernmentAffair>(e =>
        {
            e.HasKey(a => a.Code);
            e.Property(a => a.Code).HasMaxLength(10);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Group).HasConversion<string>().HasMaxLength(40);
        });

        b.Entity<Agency>(e =>
        {
            e.Property(a => a.RegionCode).HasMaxLength(13);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.RegionCode, a.Name }).IsUnique();
            e.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Partner>(e =>
        {
            e.Property(p => p.RegionCode).HasMaxLength(13);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.Name).HasMaxLength(300);
            e.Property(p => p.LegalForm).HasMaxLength(100);
            e.Property(p => p.Nib).HasMaxLength(13);
            e.Property(p => p.Npwp).HasMaxLength(20);
            e.Property(p => p.CountryCode).HasMaxLength(2);
            e.Property(p => p.PartnerRegionCode).HasMaxLength(13);
            e.Property(p => p.Address).HasMaxLength(500);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(40);
            e.Property(p => p.Website).HasMaxLength(300);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.OwnsMany(p => p.Contacts, c => { c.ToJson(); });
            e.OwnsMany(p => p.Signatories, c => { c.ToJson(); });
            e.HasIndex(p => new { p.RegionCode, p.Name });
            e.HasIndex(p => p.Nib);
            e.HasIndex(p => p.Npwp);
            e.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Agreement>(e =>
        {
            e.Property(a => a.RegionCode).HasMaxLength(13);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Stage).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.EndReason).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.FundingSource).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Initiative).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.KsdpkKind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.SubAffairCode).HasMaxLength(40);
            e.Property(a => a.OwnRegimeBasis).HasMaxLength(1000);
            e.Property(a => a.Title).HasMaxLength(500);
            e.Property(a => a.Object).HasMaxLength(2000);
            e.Property(a => a.Scope).HasMaxLength(4000);
            e.Property(a => a.AffairCode).HasMaxLength(10);
            e.Property(a => a.MappingReference).HasMaxLength(200);
            e.Property(a => a.BorderingNote).HasMaxLength(1000);
            e.Property(a => a.TermBasis).HasMaxLength(1000);
            e.Property(a => a.DueAction).HasMaxLength(60);
            e.Property(a => a.DueLabel).HasMaxLength(400);
            e.Property(a => a.Value).HasPrecision(18, 2);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<GovernmentAffair>().WithMany().HasForeignKey(a => a.AffairCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.RegionCode, a.Stage });
            e.HasIndex(a => new { a.RegionCode, a.Kind });
            e.HasIndex(a => new { a.RegionCode, a.CreatedAt });
            e.HasIndex(a => new { a.RegionCode, a.EndsOn });
            e.HasIndex(a => a.AffairCode);
            e.HasIndex(a => a.DueOn);
            // The list's default order (newest change first) and the supervisors' common filters.
            e.HasIndex(a => a.UpdatedAt);
            e.HasIndex(a => new { a.Kind, a.Stage });
            e.HasIndex(a => new { a.Stage, a.EndsOn });
            e.Property(a => a.PublishedBy).HasMaxLength(200);
            e.Property(a => a.Confidential).HasConversion<int>();
            // The public register: published agreements, newest first (issue #12).
            e.HasIndex(a => a.PublishedAt);
            e.HasIndex(a => a.ImportSessionId);
        });

        b.Entity<AgreementParty>(e =>
        {
            e.Property(p => p.RegionCode).HasMaxLength(13);
            e.Property(p => p.Name).HasMaxLength(300);
            e.Property(p => p.LeadAgencyName).HasMaxLength(200);
            e.Property(p => p.DocumentNumber).HasMaxLength(100);
            e.Property(p => p.SignatoryName).HasMaxLength(200);
            e.Property(p => p.SignatoryOffice).HasMaxLength(200);
            e.HasIndex(p => new { p.RegionCode, p.AgreementId });
            e.HasIndex(p => p.PartnerId);
            e.HasIndex(p => p.LeadAgencyId);
        });

        b.Entity<AgreementDocument>(e =>
        {
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.Stage).HasConversion<string>().HasMaxLength(30);
            e.Property(d => d.Visibility).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.Title).HasMaxLength(300);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.PartnerNumber).HasMaxLength(100);
            e.Property(d => d.FileSha256).HasMaxLength(64);
            e.Property(d => d.FileName).HasMaxLength(255);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.UploadedBy).HasMaxLength(100);
            e.Property(d => d.RegionCode).HasMaxLength(13);
            e.Property(d => d.UploaderRegionCode).HasMaxLength(13);
        });

        b.Entity<StageChange>(e =>
        {
            e.Property(h => h.Action).HasMaxLength(60);
            e.Property(h => h.FromStage).HasConversion<string>().HasMaxLength(30);
            e.Property(h => h.ToStage).HasConversion<string>().HasMaxLength(30);
            e.Property(h => h.EndReason).HasConversion<string>().HasMaxLength(30);
            e.Property(h => h.ActorUserId).HasMaxLength(100);
            e.Property(h => h.ActorName).HasMaxLength(200);
            e.Property(h => h.ActorRegionCode).HasMaxLength(13);
            e.Property(h => h.Note).HasMaxLength(4000);
        });

        b.Entity<StoredFile>(e =>
        {
            e.HasKey(f => f.Sha256);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.ContentType).HasMaxLength(100);
        });

        b.Entity<Holiday>(e =>
        {
            e.HasKey(h => h.Id);
            e.Property(h => h.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(h => h.Name).HasMaxLength(200);
            e.Property(h => h.RegionCode).HasMaxLength(13);
            e.Property(h => h.DecreeReference).HasMaxLength(300);
            // One national row per date, one row per date in each region's own calendar (the same
            // filter text reads the same on SQLite and PostgreSQL).
            e.HasIndex(h => h.Date).IsUnique().HasFilter("\"RegionCode\" IS NULL");
            e.HasIndex(h => new { h.RegionCode, h.Date }).IsUnique().HasFilter("\"RegionCode\" IS NOT NULL");
        });

        b.Entity<RegionSetting>(e =>
        {
            e.HasKey(s => new { s.RegionCode, s.Key });
            e.Property(s => s.RegionCode).HasMaxLength(13);
            e.Property(s => s.Key).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(1000);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.RegionCode).HasMaxLength(13);
            e.Property(a => a.ActorUserId).HasMaxLength(100);
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(20);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.KeyId).HasMaxLength(40);
            e.HasIndex(a => new { a.RegionCode, a.Sequence }).IsUnique();
        });

        MapDrafting(b);
        b.ApplyConfiguration(new Import.ImportSessionConfiguration());
        var proposals = new ProposalConfiguration();
        b.ApplyConfiguration<Proposal>(proposals).ApplyConfiguration<ProposalAttachment>(proposals).ApplyConfiguration<ProposalHistory>(proposals);
        var mapping = new MappingConfiguration();
        b.ApplyConfiguration<MappingItem>(mapping).ApplyConfiguration<MappingRound>(mapping)
            .ApplyConfiguration<MappingRoundAgency>(mapping).ApplyConfiguration<MappingReminder>(mapping);
        Tkksd.TkksdModel.Map(b);
        var evaluation = new Evaluation.EvaluationConfiguration();
        b.ApplyConfiguration<Evaluation.EvaluationCriterion>(evaluation).ApplyConfiguration<Evaluation.AgreementEvaluation>(evaluation)
            .ApplyConfiguration<Evaluation.MonitoringRound>(evaluation).ApplyConfiguration<Evaluation.MonitoringAssignment>(evaluation);
        b.ApplyConfiguration(new Notifications.NotificationConfiguration());
        b.ApplyConfiguration(new Mail.OutboxMessageConfiguration());
        var threads = new Threads.DiscussionConfiguration();
        b.ApplyConfiguration<Threads.DiscussionMessage>(threads).ApplyConfiguration<Threads.DiscussionAttachment>(threads);
        var facilitation = new Facilitation.FacilitationConfiguration();
        b.ApplyConfiguration<Facilitation.FacilitationRequest>(facilitation).ApplyConfiguration<Facilitation.FacilitationHistory>(facilitation);
        var monitoring = new Monitoring.MonitoringConfiguration();
        b.ApplyConfiguration<Monitoring.Obligation>(monitoring).ApplyConfiguration<Monitoring.MonitoringEvidence>(monitoring)
            .ApplyConfiguration<Monitoring.ProgressReport>(monitoring).ApplyConfiguration<Monitoring.MonitoringPlan>(monitoring);
        var foreign = new ForeignDuties.ForeignDutiesConfiguration();
        b.ApplyConfiguration<ForeignDuties.AnnualActivityPlan>(foreign).ApplyConfiguration<ForeignDuties.ExtensionDecision>(foreign)
            .ApplyConfiguration<ForeignDuties.ForeignSupervision>(foreign);
        var offers = new Offers.OfferConfiguration();
        b.ApplyConfiguration<Offers.OfferAnswerRecord>(offers).ApplyConfiguration<Offers.PartyDprdApproval>(offers);
        var portal = new PartnerPortal.PortalConfiguration();
        b.ApplyConfiguration<PartnerPortal.PortalSubmission>(portal).ApplyConfiguration<PartnerPortal.PortalRequest>(portal);
        var events = new global::Jalin.Core.Events.EventConfiguration();
        b.ApplyConfiguration<global::Jalin.Core.Events.CoordinationEvent>(events).ApplyConfiguration<global::Jalin.Core.Events.EventInvitee>(events)
            .ApplyConfiguration<global::Jalin.Core.Events.EventMaterial>(events).ApplyConfiguration<global::Jalin.Core.Events.EventFollowUp>(events);
        b.ApplyConfiguration(new Reminders.CalendarFeedConfiguration());
        b.ApplyConfiguration(new UpwardReports.UpwardReportConfiguration());
        // S: search index (issue #12 item 3)
        b.ApplyConfiguration(new Search.SearchEntryConfiguration());
        var practices = new GoodPractices.GoodPracticeConfiguration();
        b.ApplyConfiguration<GoodPractices.GoodPractice>(practices).ApplyConfiguration<GoodPractices.GoodPracticeDocument>(practices);

        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order decimal and DateTimeOffset: store Rupiah as sen and
            // instants as UTC ticks so filters and sorts run in the database.
            foreach (var entity in b.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties())
                {
                    var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    if (type == typeof(DateTimeOffset))
                        property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                    else if (type == typeof(decimal) && entity.ClrType == typeof(Agreement))
                        property.SetValueConverter(new ValueConverter<decimal, long>(v => (long)(v * 100m), v => v / 100m));
                }
            }
        }
    }

    private static void MapDrafting(ModelBuilder b)
    {
        b.Entity<Draft>(e =>
        {
            e.Property(d => d.RegionCode).HasMaxLength(13);
            e.Property(d => d.Form).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.Layout).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.TemplateCode).HasMaxLength(60);
            e.Property(d => d.Title).HasMaxLength(600);
            e.Property(d => d.CreatedBy).HasMaxLength(100);
            e.Property(d => d.OverrideReason).HasMaxLength(2000);
            e.Property(d => d.OverrideBy).HasMaxLength(300);
            e.Property(d => d.Number).HasMaxLength(100);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => new { d.AgreementId, d.Form });
            e.HasIndex(d => new { d.RegionCode, d.NumberYear, d.NumberSequence }).IsUnique();
        });
        b.Entity<DraftVersion>(e =>
        {
            e.Property(v => v.AuthorUserId).HasMaxLength(100);
            e.Property(v => v.AuthorName).HasMaxLength(200);
            e.Property(v => v.Note).HasMaxLength(1000);
            e.Property(v => v.Place).HasMaxLength(200);
            e.Property(v => v.Clauses).HasConversion(JsonConverter<List<DraftClause>>(), JsonComparer<List<DraftClause>>());
            e.HasIndex(v => new { v.DraftId, v.Number }).IsUnique();
        });
        b.Entity<DraftComment>(e =>
        {
            e.Property(c => c.AuthorUserId).HasMaxLength(100);
            e.Property(c => c.AuthorName).HasMaxLength(200);
            e.Property(c => c.AuthorRole).HasMaxLength(100);
            e.Property(c => c.Text).HasMaxLength(4000);
            e.Property(c => c.RegionCode).HasMaxLength(13);
            e.Property(c => c.ResolvedBy).HasMaxLength(200);
            e.HasOne<Draft>().WithMany().HasForeignKey(c => c.DraftId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DraftComment>().WithMany().HasForeignKey(c => c.ReplyToId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(c => c.DraftId);
        });
        b.Entity<RegionTemplate>(e =>
        {
            e.Property(t => t.RegionCode).HasMaxLength(13);
            e.Property(t => t.Code).HasMaxLength(60);
            e.Property(t => t.Name).HasMaxLength(300);
            e.Property(t => t.LetterheadSha256).HasMaxLength(64);
            e.Property(t => t.UpdatedBy).HasMaxLength(100);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Property(t => t.Clauses).HasConversion(JsonConverter<List<DraftClause>>(), JsonComparer<List<DraftClause>>());
            e.HasIndex(t => new { t.RegionCode, t.Code }).IsUnique();
            e.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<LibraryClause>(e =>
        {
            e.Property(c => c.RegionCode).HasMaxLength(13);
            e.Property(c => c.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.Name).HasMaxLength(300);
            e.Property(c => c.Heading).HasMaxLength(300);
            e.Property(c => c.UpdatedBy).HasMaxLength(100);
            e.Property(c => c.Paragraphs).HasConversion(JsonConverter<List<string>>(), JsonComparer<List<string>>());
            e.HasIndex(c => new { c.RegionCode, c.Type });
            e.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SigningRecord>(e =>
        {
            e.Property(r => r.RegionCode).HasMaxLength(13);
            e.Property(r => r.Ceremony).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Place).HasMaxLength(200);
            e.Property(r => r.RecordedBy).HasMaxLength(100);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.Paraf).HasConversion(JsonConverter<List<ParafStep>>(), JsonComparer<List<ParafStep>>());
            e.Property(r => r.Signatories).HasConversion(JsonConverter<List<SignatoryEntry>>(), JsonComparer<List<SignatoryEntry>>());
            e.HasIndex(r => r.DraftId).IsUnique();
            e.HasOne<Draft>().WithMany().HasForeignKey(r => r.DraftId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentVerification>(e =>
        {
            e.HasKey(v => v.Code);
            e.Property(v => v.Code).HasMaxLength(20);
            e.Property(v => v.RegionCode).HasMaxLength(13);
            e.Property(v => v.Title).HasMaxLength(600);
            e.Property(v => v.FormLabel).HasMaxLength(200);
            e.Property(v => v.Parties).HasMaxLength(2000);
            e.Property(v => v.Number).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.SignedSha256).HasMaxLength(64);
            e.HasIndex(v => v.DocumentId);
            e.HasIndex(v => v.Sha256);
        });
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static ValueConverter<T, string> JsonConverter<T>() where T : new() =>
        new(v => System.Text.Json.JsonSerializer.Serialize(v, Json), s => System.Text.Json.JsonSerializer.Deserialize<T>(s, Json) ?? new T());

    private static Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<T> JsonComparer<T>() where T : new() =>
        new((x, y) => System.Text.Json.JsonSerializer.Serialize(x, Json) == System.Text.Json.JsonSerializer.Serialize(y, Json),
            v => System.Text.Json.JsonSerializer.Serialize(v, Json).GetHashCode(),
            v => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(v, Json), Json) ?? new T());
}
