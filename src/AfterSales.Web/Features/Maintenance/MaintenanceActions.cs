using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Maintenance;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Maintenance;

/// <summary>
/// The maintenance writes (R-MNT-1, R-EXE-3): sign and terminate a contract, set up and end a plan, file a visit's report.
/// Each loads what it checks, calls the domain verb and ends with one SaveChanges (the audit trail is written with it).
/// </summary>
public sealed class MaintenanceActions(AppDbContext db, CallerContext callers, TimeProvider clock, MaintenanceQueries queries, Warranty.WarrantyDecider warranties,
    Policies.ServiceRulesCatalog rulesCatalog)
{
    /// <param name="CustomerId">The customer organisation.</param>
    /// <param name="Title">合同名称.</param>
    /// <param name="StartsOn">First day covered.</param>
    /// <param name="EndsOn">Last day covered (inclusive).</param>
    /// <param name="FeeCny">合同金额, CNY to the fen.</param>
    /// <param name="ServiceContent">服务内容.</param>
    /// <param name="CoveredAssetIds">The customer's assets the contract covers (at least one).</param>
    public sealed record SignContractCommand(Guid? CustomerId, string? Title, DateOnly? StartsOn, DateOnly? EndsOn, decimal? FeeCny, string? ServiceContent, IReadOnlyList<Guid>? CoveredAssetIds);

    /// <param name="Kind">quarterlyInspection, yearlyMaintenance or consumables.</param>
    /// <param name="ContractId">The maintenance contract (after warranty), or null for an asset under warranty.</param>
    /// <param name="AssetId">The asset; null for a customer-wide plan under a contract.</param>
    /// <param name="CustomerId">Needed only for a plan with neither contract nor asset (refused).</param>
    /// <param name="Title">计划名称 (optional: the kind and serial by default).</param>
    /// <param name="IntervalMonths">1–24; by default 3 (quarterly, consumables) or 12 (yearly).</param>
    /// <param name="FirstDueOn">First visit date (today or later).</param>
    /// <param name="EndsOn">Last day a visit may fall on (optional; a contract's end at the latest).</param>
    /// <param name="Items">检查项目.</param>
    public sealed record CreatePlanCommand(MaintenancePlanKind? Kind, Guid? ContractId, Guid? AssetId, Guid? CustomerId, string? Title, int? IntervalMonths,
        DateOnly? FirstDueOn, DateOnly? EndsOn, IReadOnlyList<string>? Items);

    public sealed record ReasonCommand(string? Reason);

    /// <param name="VisitedOn">实际维保日期.</param>
    /// <param name="Items">One result per plan item: ok, fixed or needsFollowUp, with a note (required for a follow-up).</param>
    /// <param name="Findings">发现的问题与处理情况.</param>
    /// <param name="NextDueOn">下次维保日期 (optional: the plan's next date).</param>
    public sealed record FileReportCommand(DateOnly? VisitedOn, IReadOnlyList<InspectionItemInput>? Items, string? Findings, DateOnly? NextDueOn);

    public async Task<Guid> SignContractAsync(SignContractCommand command, CancellationToken cancellationToken)
    {
        var by = callers.Required.ToActor();
        MaintenanceRules.EnsurePlanner(by, "signContract");
        InvalidInput.Require(command.CustomerId is not null, "customerId", "请选择客户。");
        var assetIds = command.CoveredAssetIds ?? [];
        var assets = await db.Assets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).Select(a => new { a.Id, a.CustomerId, a.SupplierId, a.Serial }).ToListAsync(cancellationToken);
        var foreign = assetIds.FirstOrDefault(id => assets.All(a => a.Id != id || a.CustomerId != command.CustomerId || a.SupplierId != by.OrganizationId));
        InvalidInput.Require(foreign == Guid.Empty, "coveredAssetIds", "所选设备须是该客户向本供应商采购的设备。");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contract = MaintenanceContract.Sign(Guid.CreateVersion7(now), await RequestNumbers.NextAsync(db, "WB", now, cancellationToken), command.CustomerId!.Value,
            new MaintenanceContractTerms(command.Title, command.StartsOn, command.EndsOn, command.FeeCny, command.ServiceContent, assetIds), by, now);
        db.MaintenanceContracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return contract.Id;
    }

    public async Task TerminateContractAsync(Guid id, ReasonCommand command, CancellationToken cancellationToken)
    {
        var contract = await db.MaintenanceContracts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("维保合同");
        contract.Terminate(callers.Required.ToActor(), command.Reason, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    public async Task<Guid> CreatePlanAsync(CreatePlanCommand command, CancellationToken cancellationToken)
    {
        var by = callers.Required.ToActor();
        MaintenanceRules.EnsurePlanner(by, "createPlan");
        var now = clock.GetUtcNow();
        MaintenanceContract? contract = null;
        if (command.ContractId is { } contractId)
        {
            contract = await db.MaintenanceContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken)
                ?? throw new InvalidInput("contractId", "维保合同不存在或无权查看。");
        }

        (Guid Id, string Serial)? asset = null;
        var customerId = contract?.CustomerId ?? command.CustomerId;
        if (command.AssetId is { } assetId)
        {
            var found = await db.Assets.AsNoTracking().Where(a => a.Id == assetId && a.SupplierId == by.OrganizationId)
                .Select(a => new { a.Id, a.Serial, a.CustomerId }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidInput("assetId", "设备不存在或不是本供应商的设备。");
            asset = (found.Id, found.Serial);
            customerId = found.CustomerId;
            if (contract is null)
            {
                // R-RV-2 (seed 001 "质保期内每季度预防性维护"): without a contract the plan is the warranty's free maintenance.
                var warranty = await WarrantyOfAsync(found.Id, now, cancellationToken);
                if (!warranty)
                {
                    throw new WorkflowRuleViolation("R-MNT-1", $"设备 {found.Serial} 已过质保期，请先签订维保合同再建立维保计划。");
                }
            }
        }

        InvalidInput.Require(customerId is not null, "assetId", "没有维保合同的计划须指定一台在保设备。");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = MaintenancePlan.Create(Guid.CreateVersion7(now), await RequestNumbers.NextAsync(db, "WP", now, cancellationToken), customerId!.Value, contract, asset,
            new MaintenancePlanTerms(command.Kind, command.Title, command.IntervalMonths, command.FirstDueOn, command.EndsOn, command.Items ?? []), by, now);
        db.MaintenancePlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan.Id;
    }

    public async Task EndPlanAsync(Guid id, ReasonCommand command, CancellationToken cancellationToken)
    {
        var plan = await db.MaintenancePlans.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFound("维保计划");
        plan.End(callers.Required.ToActor(), command.Reason, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    /// <summary>提交保养/巡检报告 (R-EXE-3): due within 3 working days of the visit on cn-9-18 (R-MNT-1); the customer sees it at once.</summary>
    public async Task FileReportAsync(Guid visitId, FileReportCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.MaintenanceVisits.SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken) ?? throw new NotFound("维保记录");
        var plan = await db.MaintenancePlans.AsNoTracking().IgnoreQueryFilters().SingleAsync(p => p.Id == visit.PlanId, cancellationToken);
        var contract = plan.ContractId is { } cid ? await db.MaintenanceContracts.AsNoTracking().IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == cid, cancellationToken) : null;
        var calendar = await queries.CalendarAsync(cancellationToken);
        var next = command.VisitedOn is { } visited ? plan.NextAfter(visit.DueOn > visited ? visit.DueOn : visited, contract) : null;
        visit.FileReport(callers.Required.ToActor(), plan, new MaintenanceReportInput(command.VisitedOn, command.Items ?? [], command.Findings, command.NextDueOn), next, calendar, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    /// <summary>Whether the asset is under warranty today, decided as its warranty page decides it (R-WTY-1).</summary>
    private async Task<bool> WarrantyOfAsync(Guid assetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.AsNoTracking().SingleAsync(a => a.Id == assetId, cancellationToken);
        var facts = await warranties.LoadAsync(asset, cancellationToken);
        var (_, rules) = await rulesCatalog.ForSupplierAsync(db, asset.SupplierId, cancellationToken);
        var today = ServiceZone.DateOf(now);
        var warrantyFacts = Warranty.WarrantyDecider.FactsOf(facts, today);
        if (warrantyFacts.AcceptedOn is null && facts.Order.AcceptedAt is { } accepted)
        {
            warrantyFacts = warrantyFacts with { AcceptedOn = ServiceZone.DateOf(accepted) };
        }

        return Domain.Warranty.WarrantyRules.Decide(warrantyFacts, rules.Policy.Warranty, today).Covered;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict();
        }
    }
}
