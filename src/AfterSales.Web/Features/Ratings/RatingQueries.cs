using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Ratings;
using AfterSales.Web.Hosting;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Ratings;

/// <summary>
/// Reads ratings and scorecards (R-RAT-1, R-RAT-2). The platform sees every supplier; a supplier sees its own rating and
/// its own engineers; a dealer its own scorecard and its own staff; a customer none of it (403).
/// </summary>
public sealed class RatingQueries(AppDbContext db, IDbContextFactory<AppDbContext> contexts, CallerContext callers, TimeProvider clock)
{
    public async Task<IReadOnlyList<SupplierRatingView>> ListAsync(string? month, Guid? supplierId, CancellationToken cancellationToken)
    {
        RequireSupplierSide();
        var query = db.SupplierRatings.AsNoTracking();
        if (month is not null)
        {
            var key = RatingMonth.Parse(month).ToString();
            query = query.Where(r => r.Month == key);
        }

        if (supplierId is not null)
        {
            query = query.Where(r => r.SupplierId == supplierId);
        }

        var rows = await query.OrderByDescending(r => r.Month).ThenBy(r => r.SupplierName).Take(500).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows.OrderByDescending(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.Grade is null).ThenBy(r => r.Score).Select(r => SupplierRatingView.From(r, now))];
    }

    public async Task<SupplierRatingView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireSupplierSide();
        var rating = await db.SupplierRatings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound("评级");
        return SupplierRatingView.From(rating, clock.GetUtcNow());
    }

    /// <summary>The last 12 months up to the last ended month, oldest first.</summary>
    public async Task<RatingTrendView> TrendAsync(Guid supplierId, CancellationToken cancellationToken)
    {
        RequireSupplierSide();
        var supplier = await db.Organizations.AsNoTracking().Where(o => o.Id == supplierId && o.Kind == PartyKind.Supplier)
            .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        if (supplier is null || (callers.Required.Party != PartyKind.Platform && supplierId != callers.Required.OrganizationId))
        {
            throw new NotFound("供应商");
        }

        var last = RatingMonth.Of(clock.GetUtcNow()).Previous;
        var months = Enumerable.Range(0, 12).Select(i => last.AddMonths(i - 11)).ToList();
        var keys = months.Select(m => m.ToString()).ToList();
        var rows = await db.SupplierRatings.AsNoTracking().Where(r => r.SupplierId == supplierId && keys.Contains(r.Month))
            .Select(r => new { r.Month, r.Grade, r.Score }).ToListAsync(cancellationToken);
        var points = months.Select(m =>
        {
            var row = rows.FirstOrDefault(r => r.Month == m.ToString());
            return new RatingTrendPoint(m.ToString(), row?.Grade, row?.Score, row is not null);
        }).ToList();
        return new RatingTrendView(supplier.Id, supplier.Name, points);
    }

    /// <summary>R-RAT-2: engineers' scorecards for a month — the platform's all, an organisation its own people.</summary>
    public async Task<IReadOnlyList<ScorecardView>> EngineerScorecardsAsync(string? month, CancellationToken cancellationToken)
    {
        var caller = RequireServiceSide();
        var rated = MonthOrLast(month);
        var facts = await LoadFactsAsync(rated, cancellationToken);
        return [.. facts.Engineers
            .Where(e => caller.Party == PartyKind.Platform || e.OrganizationId == caller.OrganizationId)
            .Select(e => Card(e.UserId, e.Name, e.OrganizationId, rated, facts.ForEngineer(e.UserId)))
            .OrderBy(c => c.Grade is null).ThenByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>R-RAT-2: dealers' scorecards — the platform's all, a supplier its dealers, a dealer its own.</summary>
    public async Task<IReadOnlyList<ScorecardView>> DealerScorecardsAsync(string? month, CancellationToken cancellationToken)
    {
        var caller = RequireServiceSide();
        var rated = MonthOrLast(month);
        var facts = await LoadFactsAsync(rated, cancellationToken);
        var ids = facts.Dealers.ToList();
        var dealers = await db.Organizations.AsNoTracking().Where(o => o.Kind == PartyKind.Dealer && ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.ParentSupplierId }).ToListAsync(cancellationToken);
        return [.. dealers
            .Where(d => caller.Party == PartyKind.Platform || d.Id == caller.OrganizationId || d.ParentSupplierId == caller.OrganizationId)
            .Select(d => Card(d.Id, d.Name, d.Id, rated, facts.ForDealer(d.Id)))
            .OrderBy(c => c.Grade is null).ThenByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The caller's supplier's running suspension, if any (console banner).</summary>
    public async Task<SuspensionNotice?> OwnSuspensionAsync(CancellationToken cancellationToken)
    {
        var caller = callers.Current;
        if (caller?.Party != PartyKind.Supplier)
        {
            return null;
        }

        var active = await SupplierSanctions.ActiveAsync(db, caller.OrganizationId, clock.GetUtcNow(), cancellationToken);
        return active is null ? null : new SuspensionNotice(active.Month, active.SuspendedUntil!.Value, active.SuspensionEndText(), active.OverrideReason);
    }

    private static ScorecardView Card(Guid id, string name, Guid? organizationId, RatingMonth month, RatingInputs inputs)
    {
        var score = RatingCalculator.Score(inputs, RatingScheme.Default);
        return new ScorecardView(id, name, organizationId, month.ToString(), score.Grade, score.Score, RatingInputsView.From(inputs, score));
    }

    private RatingMonth MonthOrLast(string? month) => month is null ? RatingMonth.Of(clock.GetUtcNow()).Previous : RatingMonth.Parse(month);

    // The facts span every organisation (a request's supplier, dealer and engineer differ); what is shown is filtered above.
    private async Task<MonthFacts> LoadFactsAsync(RatingMonth month, CancellationToken cancellationToken)
    {
        await using var system = contexts.CreateSystemContext();
        return await MonthFacts.LoadAsync(system, month, cancellationToken);
    }

    private Caller RequireSupplierSide()
    {
        var caller = callers.Required;
        if (caller.Party is not (PartyKind.Platform or PartyKind.Supplier))
        {
            throw new ActionNotPermitted("ratings", "供应商评级仅平台和供应商本单位可以查看。");
        }

        return caller;
    }

    private Caller RequireServiceSide()
    {
        var caller = callers.Required;
        if (caller.Party is PartyKind.Customer)
        {
            throw new ActionNotPermitted("scorecards", "评分卡仅平台、供应商和经销商可以查看。");
        }

        return caller;
    }
}
