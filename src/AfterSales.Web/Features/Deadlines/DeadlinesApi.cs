using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Deadlines;

/// <summary>
/// One deadline in a list: its request, the supplier and the customer of the request, and who owes it (R-SLA-3).
/// </summary>
public sealed record DeadlineRow(Guid RequestId, string RequestNumber, string SupplierName, DeadlineView Deadline, Guid SupplierId, PartyRef Customer, DeadlineParty OwedBy);

/// <summary>
/// The <c>state</c> filter of <c>GET /deadlines</c>: the stored states plus <c>atRisk</c> — open, running, not yet
/// breached and past its warning point (R-SLA-3), a subset of <c>running</c>.
/// </summary>
public enum DeadlineStateFilter
{
    Running,
    AtRisk,
    Paused,
    Met,
    Breached,
}

public sealed record BreachRow(Guid Id, Guid RequestId, string RequestNumber, Guid SupplierId, string SupplierName, DeadlineKind Kind, string Label, DeadlineParty OwedBy, DateTimeOffset DueAt, DateTimeOffset RecordedAt);

/// <summary>Deadlines and breaches across the requests the caller may see (the platform sees all).</summary>
public sealed class DeadlineQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<Page<DeadlineRow>> ListAsync(DeadlineStateFilter? state, DeadlineKind? kind, Guid? supplierId, DateTimeOffset? dueBefore, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var now = clock.GetUtcNow();
        var query = db.Deadlines.AsNoTracking().Join(db.ServiceRequests, d => d.ServiceRequestId, r => r.Id, (d, r) => new { d, r });
        query = state switch
        {
            // A paused deadline keeps the due instant it had when it stopped: it is neither running nor late.
            DeadlineStateFilter.Running => query.Where(x => x.d.ClosedAt == null && x.d.BreachRecordedAt == null && x.d.PausedAt == null && x.d.DueAt >= now),
            DeadlineStateFilter.AtRisk => query.Where(x => x.d.ClosedAt == null && x.d.BreachRecordedAt == null && x.d.PausedAt == null && x.d.DueAt >= now && x.d.WarningAt <= now),
            DeadlineStateFilter.Breached => query.Where(x => x.d.BreachRecordedAt != null || (x.d.ClosedAt == null && x.d.PausedAt == null && x.d.DueAt < now)),
            DeadlineStateFilter.Met => query.Where(x => x.d.ClosedAt != null && x.d.BreachRecordedAt == null),
            DeadlineStateFilter.Paused => query.Where(x => x.d.ClosedAt == null && x.d.PausedAt != null),
            _ => query,
        };
        if (kind is { } k)
        {
            query = query.Where(x => x.d.Kind == k);
        }

        if (supplierId is { } s)
        {
            query = query.Where(x => x.r.SupplierId == s);
        }

        if (dueBefore is { } before)
        {
            query = query.Where(x => x.d.DueAt < before);
        }

        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(x => x.d.DueAt > key || (x.d.DueAt == key && x.d.Id > c.Id));
        }

        var rows = await query.OrderBy(x => x.d.DueAt).ThenBy(x => x.d.Id).Take(size + 1)
            .Select(x => new RowSource(x.d, x.r.Number, x.r.SupplierId, x.r.CustomerId)).ToListAsync(cancellationToken);
        var items = await RowsAsync(rows.Take(size), now, cancellationToken);
        var next = rows.Count > size ? Cursor.Encode(items[^1].Deadline.DueAt.UtcTicks, items[^1].Deadline.Id) : null;
        return new Page<DeadlineRow>(items, next);
    }

    public async Task<Page<BreachRow>> BreachesAsync(Guid? supplierId, DeadlineKind? kind, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.DeadlineBreaches.AsNoTracking().Join(db.ServiceRequests, b => b.ServiceRequestId, r => r.Id, (b, r) => new { b, r.Number });
        if (supplierId is { } s)
        {
            query = query.Where(x => x.b.SupplierId == s);
        }

        if (kind is { } k)
        {
            query = query.Where(x => x.b.Kind == k);
        }

        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(x => x.b.RecordedAt < key || (x.b.RecordedAt == key && x.b.Id < c.Id));
        }

        var rows = await query.OrderByDescending(x => x.b.RecordedAt).ThenByDescending(x => x.b.Id).Take(size + 1).ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.b.SupplierId), cancellationToken);
        var items = rows.Take(size).Select(x => new BreachRow(x.b.Id, x.b.ServiceRequestId, x.Number, x.b.SupplierId, names.GetValueOrDefault(x.b.SupplierId, string.Empty),
            x.b.Kind, DeadlineKindNames.Chinese(x.b.Kind), x.b.OwedBy, x.b.DueAt, x.b.RecordedAt)).ToList();
        var next = rows.Count > size ? Cursor.Encode(items[^1].RecordedAt.UtcTicks, items[^1].Id) : null;
        return new Page<BreachRow>(items, next);
    }

    /// <summary>List rows for deadlines read with their request's number and parties, with the parties' names.</summary>
    internal async Task<List<DeadlineRow>> RowsAsync(IEnumerable<RowSource> sources, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = sources.ToList();
        var names = await NamesAsync(list.SelectMany(r => new[] { r.SupplierId, r.CustomerId }), cancellationToken);
        return [.. list.Select(r => new DeadlineRow(r.Deadline.ServiceRequestId, r.Number, names.GetValueOrDefault(r.SupplierId, string.Empty), ServiceRequestQueries.ToView(r.Deadline, now),
            r.SupplierId, new PartyRef(r.CustomerId, names.GetValueOrDefault(r.CustomerId, string.Empty)), r.Deadline.OwedBy))];
    }

    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}

/// <summary>A deadline read with the request fields its list row needs.</summary>
internal sealed record RowSource(Deadline Deadline, string Number, Guid SupplierId, Guid CustomerId);

public static class DeadlinesApi
{
    public static RouteGroupBuilder MapDeadlinesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deadlines").WithTags("Deadlines 时效");
        group.MapGet("/", async (
            [FromQuery(Name = "state")] DeadlineStateFilter? state,
            [FromQuery(Name = "kind")] DeadlineKind? kind,
            [FromQuery(Name = "supplierId")] Guid? supplierId,
            [FromQuery(Name = "dueBefore")] DateTimeOffset? dueBefore,
            [FromQuery(Name = "page[size]")] int? pageSize,
            [FromQuery(Name = "page[after]")] string? after,
            DeadlineQueries queries,
            CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(state, kind, supplierId, dueBefore, pageSize, after, ct)))
            .WithSummary("时效列表 Deadlines by state (running, atRisk, paused, met, breached), kind, supplier and due instant");
        group.MapGet("/board", async (
            [FromQuery(Name = "supplierId")] Guid? supplierId,
            DeadlineBoardQueries queries,
            CancellationToken ct) => TypedResults.Ok(await queries.BoardAsync(supplierId, ct)))
            .WithSummary("时效看板 Per supplier: running, at risk, breached and paused deadlines, and the next to fall due (R-SLA-3)");
        group.MapGet("/breaches", async (
            [FromQuery(Name = "supplierId")] Guid? supplierId,
            [FromQuery(Name = "kind")] DeadlineKind? kind,
            [FromQuery(Name = "page[size]")] int? pageSize,
            [FromQuery(Name = "page[after]")] string? after,
            DeadlineQueries queries,
            CancellationToken ct) => TypedResults.Ok(await queries.BreachesAsync(supplierId, kind, pageSize, after, ct)))
            .WithSummary("超时记录 Recorded breaches, newest first (R-SLA-4)");
        return group;
    }
}
