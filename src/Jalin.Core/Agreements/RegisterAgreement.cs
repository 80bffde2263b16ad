using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Agreements;

/// <summary>Registers a new agreement of the actor's region at the first stage of its kind.</summary>
public static class RegisterAgreement
{
    public static async Task<Result<Guid>> HandleAsync(JalinDb db, CurrentActor actor, AgreementInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !AgreementAccess.CanCreateIn(actor, region))
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang dapat mendaftarkan kerja sama daerahnya.");

        var settings = await LifecycleContexts.SettingsAsync(db, region, ct);
        var (error, others) = await AgreementRules.ValidateAsync(db, region, input, settings, ct);
        if (error is not null) return error;

        var owner = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == region, ct);
        var leadName = input.LeadAgencyId is { } lead ? await db.Agencies.Where(a => a.Id == lead).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        var now = clock.GetUtcNow();
        var agreement = new Agreement
        {
            RegionCode = region, Kind = input.Kind!.Value, Title = input.Title!.Trim(), CreatedAt = now, UpdatedAt = now,
            KsdpkKind = input.Kind == CooperationKind.Ksdpk ? input.KsdpkKind : null,
        };
        Apply(agreement, input);
        agreement.Start();
        agreement.Parties.Add(new AgreementParty
        {
            AgreementId = agreement.Id, Order = 1, RegionCode = region, Name = owner.FullName, LeadAgencyId = input.LeadAgencyId,
            LeadAgencyName = leadName, DocumentNumber = input.DocumentNumber, SignatoryName = input.SignatoryName, SignatoryOffice = input.SignatoryOffice,
        });
        var order = 2;
        foreach (var p in others)
        {
            p.Order = order++;
            agreement.Parties.Add(new AgreementParty
            {
                AgreementId = agreement.Id, Order = p.Order, RegionCode = p.RegionCode, PartnerId = p.PartnerId, Name = p.Name,
                LeadAgencyId = p.LeadAgencyId, LeadAgencyName = p.LeadAgencyName, DocumentNumber = p.DocumentNumber,
                SignatoryName = p.SignatoryName, SignatoryOffice = p.SignatoryOffice,
            });
        }
        agreement.History.Add(new StageChange
        {
            AgreementId = agreement.Id, Action = ActionCode.Register, FromStage = agreement.Stage, ToStage = agreement.Stage,
            ActorUserId = actor.UserId, ActorName = actor.FullName, ActorRegionCode = actor.RegionCode, At = now, Note = "Kerja sama didaftarkan",
        });
        db.ActingAs(actor).Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        return agreement.Id;
    }

    internal static void Apply(Agreement a, AgreementInput input)
    {
        a.Title = input.Title!.Trim();
        a.Object = Clean(input.Object);
        a.Scope = Clean(input.Scope);
        a.AffairCode = string.IsNullOrWhiteSpace(input.AffairCode) ? null : input.AffairCode;
        a.SubAffairCode = a.AffairCode is not null && AffairCompetence.IsSplit(a.AffairCode) ? Clean(input.SubAffairCode) : null;
        a.OwnRegimeBasis = a.IsOwnRegime ? Clean(input.OwnRegimeBasis) : null;
        a.Value = input.Value;
        a.FundingSource = input.FundingSource;
        a.BudgetedInApbd = input.BudgetedInApbd;
        a.BurdensPublic = input.BurdensPublic;
        a.StartsOn = input.StartsOn;
        a.EndsOn = input.EndsOn;
        a.Initiative = a.Kind == CooperationKind.Ksdpk ? input.Initiative : null;
        a.IsForwarding = a.Kind == CooperationKind.Ksdll && input.IsForwarding;
        a.MappingReference = Clean(input.MappingReference);
        a.BorderingConfirmed = a.Kind == CooperationKind.KsddWajib && input.BorderingConfirmed;
        a.BorderingNote = Clean(input.BorderingNote);
        a.TermBasis = Clean(input.TermBasis);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Edits an agreement's fields and parties' numbers; refuses a stale version (409).</summary>
public static class UpdateAgreement
{
    public static async Task<Result<int>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, int expectedVersion, AgreementInput input, TimeProvider clock, CancellationToken ct = default)
    {
        var agreement = await db.Agreements.VisibleTo(actor).Include(a => a.Parties).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        if (!AgreementAccess.CanManage(actor, agreement)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama daerah pemilik yang dapat mengubah kerja sama ini.");
        if (agreement.IsEnded) return new ConflictError("Kerja sama yang telah berakhir tidak dapat diubah.");
        if (input.Kind is { } kind && kind != agreement.Kind)
            return ValidationError.Of("kind", "Jenis kerja sama tidak dapat diubah setelah didaftarkan; akhiri dan daftarkan yang baru.");
        if (agreement.Kind == CooperationKind.Ksdpk && input.KsdpkKind is { } sub && sub != agreement.KsdpkKind)
            return ValidationError.Of("ksdpkKind", "Jenis KSDPK tidak dapat diubah setelah didaftarkan; akhiri dan daftarkan yang baru.");
        if (agreement.Version != expectedVersion)
            return new ConflictError("Kerja sama ini telah diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.");

        var settings = await LifecycleContexts.SettingsAsync(db, agreement.RegionCode, ct);
        var withKind = input with { Kind = agreement.Kind, KsdpkKind = agreement.KsdpkKind };
        var (error, others) = await AgreementRules.ValidateAsync(db, agreement.RegionCode, withKind, settings, ct);

        // During implementation the term, the DPRD facts, forwarding and bordering move only through the
        // law's actions (extend, request-extension); a typing error is corrected with a recorded reason.
        var corrections = LockedFields.Changes(agreement, withKind);
        if (corrections.Count > 0 && string.IsNullOrWhiteSpace(input.CorrectionReason))
        {
            // the lock is what the officer must read first; other field messages stay beside it
            var fields = error?.Fields.ToDictionary(f => f.Key, f => f.Value) ?? [];
            foreach (var c in corrections) fields[c.Field] = [c.LockedMessage];
            return new ValidationError("Sebagian data dikunci pada tahap Pelaksanaan. Periksa isian yang ditandai.", fields);
        }
        if (error is not null) return error;
        if (corrections.Count > 0 && input.CorrectionReason!.Trim().Length < 10)
            return ValidationError.Of("correctionReason", "Tulis alasan koreksi data paling sedikit 10 karakter (misalnya salah ketik tanggal pada saat pendaftaran).");

        RegisterAgreement.Apply(agreement, withKind);
        if (corrections.Count > 0)
            db.StageChanges.Add(new StageChange
            {
                AgreementId = agreement.Id, Action = ActionCode.Correction, FromStage = agreement.Stage, ToStage = agreement.Stage,
                ActorUserId = actor.UserId, ActorName = actor.FullName, ActorRegionCode = actor.RegionCode, At = clock.GetUtcNow(),
                Note = $"Koreksi data: {string.Join("; ", corrections.Select(c => $"{c.Label} {c.Before} → {c.After}"))}. Alasan: {input.CorrectionReason!.Trim()}",
            });
        // The expiry clock follows the (edited) end date, as ClockEffect.TermEnd set it.
        if (ActionCode.Expire.Is(agreement.DueAction)) agreement.SetDue(agreement.EndsOn, ActionCode.Expire, agreement.DueLabel);
        var owner = agreement.Parties.First(p => p.Order == 1);
        owner.LeadAgencyId = input.LeadAgencyId;
        owner.LeadAgencyName = input.LeadAgencyId is { } lead ? await db.Agencies.Where(a => a.Id == lead).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        owner.DocumentNumber = input.DocumentNumber;
        owner.SignatoryName = input.SignatoryName;
        owner.SignatoryOffice = input.SignatoryOffice;

        // Parties are matched by identity (region or partner); new ones are added, missing ones removed.
        var existing = agreement.Parties.Where(p => p.Order != 1).ToList();
        foreach (var p in existing.Where(e => !others.Any(o => Same(o, e)))) agreement.Parties.Remove(p);
        var order = 2;
        foreach (var o in others)
        {
            var match = existing.FirstOrDefault(e => Same(o, e));
            if (match is null)
            {
                match = new AgreementParty { AgreementId = agreement.Id, RegionCode = o.RegionCode, PartnerId = o.PartnerId, Name = o.Name };
                agreement.Parties.Add(match);
                db.Entry(match).State = EntityState.Added; // a client-set Guid key would otherwise be taken for an existing row (409)
            }
            match.Order = order++;
            match.LeadAgencyId = o.LeadAgencyId;
            match.LeadAgencyName = o.LeadAgencyName;
            match.DocumentNumber = o.DocumentNumber;
            match.SignatoryName = o.SignatoryName;
            match.SignatoryOffice = o.SignatoryOffice;
        }
        agreement.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Kerja sama ini telah diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.");
        }
        return agreement.Version;
    }

    private static bool Same(AgreementParty a, AgreementParty b) =>
        a.PartnerId is not null ? a.PartnerId == b.PartnerId : b.PartnerId is null && a.RegionCode == b.RegionCode;
}
