using System.Runtime.CompilerServices;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Mapping;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jalin.Core.Search;

/// <summary>The one place the index follows the data: every save that adds, changes or deletes a searchable subject
/// (or an agreement's party or document) rebuilds those subjects' entries right after, in the same unit of work.</summary>
public sealed class SearchIndexInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<SearchSubject>> _pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _running = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await IndexAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        IndexAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } c) _pending.Remove(c);
    }

    private void Collect(DbContext? context)
    {
        if (context is not JalinDb db || _running.TryGetValue(db, out _)) return;
        var set = _pending.GetValue(db, _ => []);
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            SearchSubject? s = e.Entity switch
            {
                Agreement a => new(SearchKind.Agreement, a.Id),
                AgreementParty p => new(SearchKind.Agreement, p.AgreementId),
                AgreementDocument d => new(SearchKind.Agreement, d.AgreementId),
                Partner p => new(SearchKind.Partner, p.Id),
                Proposal p => new(SearchKind.Proposal, p.Id),
                MappingItem m => new(m.Kind == MappingKind.Need ? SearchKind.Need : SearchKind.Potential, m.Id),
                _ => null,
            };
            if (s is { } subject) set.Add(subject);
        }
    }

    private async Task IndexAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not JalinDb db || _running.TryGetValue(db, out _)) return;
        if (!_pending.TryGetValue(db, out var set) || set.Count == 0) return;
        _pending.Remove(db);
        _running.AddOrUpdate(db, new object());
        try
        {
            await SearchIndexer.ReindexAsync(db, set.ToList(), clock, ct);
        }
        finally
        {
            _running.Remove(db);
        }
    }
}
