using System.Runtime.CompilerServices;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.GoodPractices;
using Jalin.Core.Mapping;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jalin.Core.Search;

/// <summary>The one place the index follows the data: every save that adds, changes or deletes a searchable subject
/// (an agreement and its parties, documents and drafts, a partner, usulan, potential or need, good practice) rebuilds those
/// subjects' entries right after, in the same unit of work. With a <see cref="FileStore"/> (the application's) a document
/// attached without its bytes in this unit of work is still read for its text.</summary>
public sealed class SearchIndexInterceptor(TimeProvider clock, FileStore? files = null) : SaveChangesInterceptor
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
        if (eventData.Context is not { } c) return;
        _pending.Remove(c);
        if (c is JalinDb db) DocumentText.Forget(db);
    }

    private void Collect(DbContext? context)
    {
        if (context is not JalinDb db || _running.TryGetValue(db, out _)) return;
        var set = _pending.GetValue(db, _ => []);
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                case Agreement a: set.Add(new(SearchKind.Agreement, a.Id)); break;
                case AgreementParty p: set.Add(new(SearchKind.Agreement, p.AgreementId)); break;
                // The file is in the store (and its bytes remembered, StoredFiles.StoreAsync) before the row is saved.
                case AgreementDocument d: set.Add(new(SearchKind.Agreement, d.AgreementId)); set.Add(new(SearchKind.DocumentText, d.Id)); break;
                case Draft d: set.Add(new(SearchKind.Draft, d.Id)); break;
                case DraftVersion v: set.Add(new(SearchKind.Draft, v.DraftId)); break;
                case Partner p: set.Add(new(SearchKind.Partner, p.Id)); break;
                case Proposal p: set.Add(new(SearchKind.Proposal, p.Id)); break;
                case MappingItem m: set.Add(new(m.Kind == MappingKind.Need ? SearchKind.Need : SearchKind.Potential, m.Id)); break;
                case GoodPractice p: set.Add(new(SearchKind.GoodPractice, p.Id)); break;
            }
        }
    }

    private async Task IndexAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not JalinDb db || _running.TryGetValue(db, out _)) return;
        if (!_pending.TryGetValue(db, out var set) || set.Count == 0)
        {
            DocumentText.Forget(db);
            return;
        }
        _pending.Remove(db);
        _running.AddOrUpdate(db, new object());
        try
        {
            await SearchIndexer.ReindexAsync(db, set.ToList(), clock, files, ct);
        }
        finally
        {
            _running.Remove(db);
            // The uploads' bytes served this save; a long-lived context (a Blazor circuit's) does not keep them.
            DocumentText.Forget(db);
        }
    }
}
