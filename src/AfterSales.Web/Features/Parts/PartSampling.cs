using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Parts;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// 季度抽检 (R-KPI-4): the platform draws a plan of at least 10 % of a supplier's batches received in a quarter, records
/// each result; a failed batch is recalled (责令召回) by the platform or the supplier, which blocks its stock everywhere.
/// </summary>
public sealed class PartSampling(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="SupplierId">The supplier whose parts are sampled.</param>
    /// <param name="Year">e.g. 2026 (default: the current quarter's year).</param>
    /// <param name="Quarter">1–4 (default: the current quarter).</param>
    public sealed record DrawCommand(Guid? SupplierId, int? Year, int? Quarter);

    public sealed record ResultCommand(bool? Passed, string? Note);

    public sealed record RecallCommand(string? Reason);

    public async Task<Guid> DrawAsync(DrawCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        RequireSampler(caller, "draw");
        var supplier = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.SupplierId && o.Kind == PartyKind.Supplier, cancellationToken)
            ?? throw new InvalidInput("supplierId", "供应商不存在。");
        var now = clock.GetUtcNow();
        var (year, quarter) = SamplingPlan.QuarterOf(now);
        year = command.Year ?? year;
        quarter = command.Quarter ?? quarter;
        if (await db.SamplingPlans.AnyAsync(p => p.SupplierId == supplier.Id && p.Year == year && p.Quarter == quarter, cancellationToken))
        {
            throw new DuplicateRecord("quarter", $"{supplier.Name} {year}Q{quarter} 的抽检计划已存在。");
        }

        InvalidInput.Require(quarter is >= 1 and <= 4, "quarter", "季度须为 1 到 4。");
        InvalidInput.Require(year is >= 2000 and <= 2100, "year", "请填写抽检年份。");
        var (from, to) = SamplingPlan.QuarterSpan(year, quarter);
        var batches = await db.PartBatches.AsNoTracking().Where(b => b.SupplierId == supplier.Id && b.ReceivedAt >= from && b.ReceivedAt < to)
            .Select(b => new SampleCandidate(b.Id, b.PartId, b.PartNumber, b.BatchNumber, b.ReceivedAt)).ToListAsync(cancellationToken);
        var plan = SamplingPlan.Draw(Guid.CreateVersion7(now), supplier.Id, year, quarter, batches, caller.DisplayName, now);
        db.SamplingPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DuplicateRecord("quarter", $"{supplier.Name} {year}Q{quarter} 的抽检计划已存在。");
        }

        return plan.Id;
    }

    public async Task<Guid> RecordAsync(Guid planId, Guid itemId, ResultCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        RequireSampler(caller, "record");
        var plan = await db.SamplingPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFound("抽检计划");
        var item = plan.Record(itemId, command.Passed, command.Note, caller.DisplayName, clock.GetUtcNow());
        var batch = await db.PartBatches.SingleAsync(b => b.Id == item.BatchId, cancellationToken);
        batch.RecordSampling(item.Result == SamplingResult.Passed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflict();
        }

        return plan.Id;
    }

    /// <summary>召回: the batch is marked recalled and every stock line of it is blocked (on hand kept, nothing available).</summary>
    public Task<Guid> RecallAsync(Guid batchId, RecallCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var platform = caller.Party == PartyKind.Platform && caller.Has(Permissions.PartsSample);
        var supplier = caller.Party == PartyKind.Supplier && caller.Has(Permissions.PartsManage);
        if (!platform && !supplier)
        {
            throw new ActionNotPermitted("recall", "只有平台或该供应商可以召回批次。");
        }

        return StockWrites.RunAsync(db, async () =>
        {
            var batch = await db.PartBatches.SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken) ?? throw new NotFound("批次");
            batch.Recall(command.Reason, clock.GetUtcNow());
            var lines = await db.StockLevels.Where(s => s.PartId == batch.PartId && s.BatchNumber == batch.BatchNumber).ToListAsync(cancellationToken);
            lines.ForEach(l => l.Block());
            await db.SaveChangesAsync(cancellationToken);
            return batch.Id;
        }, cancellationToken);
    }

    private static void RequireSampler(Caller caller, string action)
    {
        if (caller.Party != PartyKind.Platform || !caller.Has(Permissions.PartsSample))
        {
            throw new ActionNotPermitted(action, "备件季度抽检由平台执行（R-KPI-4）。");
        }
    }
}
