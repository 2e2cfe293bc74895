using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Deadlines;

/// <summary>The deadline board (R-SLA-3): one card per supplier, as of <paramref name="At"/>, those with open breaches or deadlines at risk first.</summary>
public sealed record DeadlineBoard(DateTimeOffset At, IReadOnlyList<SupplierDeadlineCard> Suppliers);

/// <summary>
/// One supplier's open deadlines at a glance. <c>Running</c> counts every deadline whose clock runs and is not yet
/// due, <c>AtRisk</c> those of them past their warning point; <c>BreachedOpen</c> the late ones still open;
/// <c>BreachedLast30Days</c> the breaches recorded in the last 30 days; <c>Next</c> the next running deadlines by due instant.
/// </summary>
public sealed record SupplierDeadlineCard(
    Guid SupplierId,
    string SupplierName,
    int Running,
    int AtRisk,
    int BreachedOpen,
    int Paused,
    int BreachedLast30Days,
    IReadOnlyList<DeadlineRow> Next);

/// <summary>Builds the deadline board: the platform sees every supplier, a supplier only itself.</summary>
public sealed class DeadlineBoardQueries(AppDbContext db, CallerContext callers, TimeProvider clock, DeadlineQueries lists)
{
    /// <summary>How many upcoming deadlines each card lists.</summary>
    public const int NextCount = 10;

    /// <summary>The window of the recent-breaches count.</summary>
    public static readonly TimeSpan RecentBreaches = TimeSpan.FromDays(30);

    public async Task<DeadlineBoard> BoardAsync(Guid? supplierId, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var suppliers = db.Organizations.AsNoTracking().Where(o => o.Kind == PartyKind.Supplier);
        switch (caller.Party)
        {
            case PartyKind.Platform:
                break;
            case PartyKind.Supplier:
                if (supplierId is { } asked && asked != caller.OrganizationId)
                {
                    throw new NotFound("供应商");
                }

                supplierId = caller.OrganizationId;
                break;
            default:
                throw new ActionNotPermitted("deadlineBoard", "时效看板仅供平台和供应商查看。");
        }

        if (supplierId is { } only)
        {
            suppliers = suppliers.Where(o => o.Id == only);
        }

        var cards = await suppliers.Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        if (supplierId is not null && cards.Count == 0)
        {
            throw new NotFound("供应商");
        }

        var now = clock.GetUtcNow();
        var ids = cards.Select(c => c.Id).ToList();

        // One grouped count over the open deadlines and one over recent breaches, whatever the number of suppliers.
        var counts = await db.Deadlines.AsNoTracking()
            .Where(d => d.ClosedAt == null)
            .Join(db.ServiceRequests, d => d.ServiceRequestId, r => r.Id, (d, r) => new { r.SupplierId, d.PausedAt, d.BreachRecordedAt, d.DueAt, d.WarningAt })
            .Where(x => ids.Contains(x.SupplierId))
            .GroupBy(x => x.SupplierId)
            .Select(g => new
            {
                SupplierId = g.Key,
                Running = g.Count(x => x.PausedAt == null && x.BreachRecordedAt == null && x.DueAt >= now),
                AtRisk = g.Count(x => x.PausedAt == null && x.BreachRecordedAt == null && x.DueAt >= now && x.WarningAt <= now),
                BreachedOpen = g.Count(x => x.BreachRecordedAt != null || (x.PausedAt == null && x.DueAt < now)),
                Paused = g.Count(x => x.PausedAt != null),
            })
            .ToDictionaryAsync(x => x.SupplierId, cancellationToken);
        var since = now - RecentBreaches;
        var recent = await db.DeadlineBreaches.AsNoTracking()
            .Where(b => b.RecordedAt >= since && ids.Contains(b.SupplierId))
            .GroupBy(b => b.SupplierId)
            .Select(g => new { SupplierId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SupplierId, x => x.Count, cancellationToken);

        var result = new List<SupplierDeadlineCard>(cards.Count);
        foreach (var card in cards)
        {
            var count = counts.GetValueOrDefault(card.Id);
            IReadOnlyList<DeadlineRow> next = count is { Running: > 0 } ? await NextAsync(card.Id, now, cancellationToken) : [];
            result.Add(new SupplierDeadlineCard(card.Id, card.Name, count?.Running ?? 0, count?.AtRisk ?? 0, count?.BreachedOpen ?? 0, count?.Paused ?? 0,
                recent.GetValueOrDefault(card.Id), next));
        }

        // Trouble first: open breaches, then deadlines at risk; otherwise by name.
        return new DeadlineBoard(now, [.. result.OrderByDescending(c => c.BreachedOpen).ThenByDescending(c => c.AtRisk).ThenBy(c => c.SupplierName, StringComparer.Ordinal)]);
    }

    /// <summary>The supplier's next running deadlines by due instant: what the board counts down.</summary>
    private async Task<IReadOnlyList<DeadlineRow>> NextAsync(Guid supplierId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Deadlines.AsNoTracking()
            .Where(d => d.ClosedAt == null && d.BreachRecordedAt == null && d.PausedAt == null && d.DueAt >= now)
            .Join(db.ServiceRequests, d => d.ServiceRequestId, r => r.Id, (d, r) => new { d, r })
            .Where(x => x.r.SupplierId == supplierId)
            .OrderBy(x => x.d.DueAt).ThenBy(x => x.d.Id)
            .Take(NextCount)
            .Select(x => new RowSource(x.d, x.r.Number, x.r.SupplierId, x.r.CustomerId))
            .ToListAsync(cancellationToken);
        return await lists.RowsAsync(rows, now, cancellationToken);
    }
}
