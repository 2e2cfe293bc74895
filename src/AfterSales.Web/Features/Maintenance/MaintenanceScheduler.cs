using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Maintenance;
using AfterSales.Domain.Notifications;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Maintenance;

/// <summary>
/// 维保排程 (R-MNT-1, R-RV-2): each pass generates the visits active plans make within the next 14 days — each one a
/// 维保 service request filed for the customer by the system, received for the supplier, with an inspection work order
/// (docs/adr/0008-maintenance-visits-file-their-own-request.md) — and reminds customer and supplier 7 days ahead.
/// Exactly once: the unique (plan, due date) index makes a second instance or a re-run lose its insert, each visit saved
/// on its own so a lost race costs only that visit; a reminder is one version-checked update plus notifications with a
/// unique dedup key, in one SaveChanges.
/// </summary>
public sealed class MaintenanceScheduler(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ServiceRulesCatalog rulesCatalog, ILogger<MaintenanceScheduler> logger)
{
    public async Task<MaintenanceRunView> RunAsync(CancellationToken cancellationToken)
    {
        var generated = await GenerateAsync(cancellationToken);
        var reminded = await RemindAsync(cancellationToken);
        return new MaintenanceRunView(generated, reminded);
    }

    /// <summary>Generates every visit due through today + 14 days not generated yet; returns how many this call created.</summary>
    public async Task<int> GenerateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ServiceZone.DateOf(now);
        var horizon = today.AddDays(MaintenanceRules.GenerationLeadDays);
        List<(Guid PlanId, int Sequence, DateOnly DueOn)> missing;
        await using (var db = contexts.CreateSystemContext())
        {
            var plans = await db.MaintenancePlans.AsNoTracking().Where(p => p.Status == MaintenancePlanStatus.Active && p.FirstDueOn <= horizon).ToListAsync(cancellationToken);
            var contractIds = plans.Where(p => p.ContractId != null).Select(p => p.ContractId!.Value).Distinct().ToList();
            var contracts = await db.MaintenanceContracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var planIds = plans.Select(p => p.Id).ToList();
            var existing = (await db.MaintenanceVisits.AsNoTracking().Where(v => planIds.Contains(v.PlanId)).Select(v => new { v.PlanId, v.DueOn }).ToListAsync(cancellationToken))
                .Select(v => (v.PlanId, v.DueOn)).ToHashSet();
            missing = [.. plans.SelectMany(p => p.DueThrough(horizon, p.ContractId is { } c ? contracts.GetValueOrDefault(c) : null)
                    .Where(v => !existing.Contains((p.Id, v.DueOn)))
                    .Select(v => (p.Id, v.Sequence, v.DueOn)))
                .OrderBy(v => v.DueOn)];
        }

        var created = 0;
        foreach (var (planId, sequence, dueOn) in missing)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await GenerateVisitAsync(planId, sequence, dueOn, cancellationToken))
                {
                    created++;
                }
            }
            catch (DbUpdateException ex)
            {
                // Another instance (or run) generated this visit first: the unique (plan, due date) index kept one.
                logger.LogInformation(ex, "Maintenance visit {PlanId} {DueOn} lost a race; the other run's visit stands.", planId, dueOn);
            }
        }

        return created;
    }

    /// <summary>R-RV-2: reminds both sides of every visit due within 7 days that nobody was reminded of; returns how many visits.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = ServiceZone.DateOf(now).AddDays(MaintenanceRules.ReminderDays);
        List<Guid> due;
        await using (var db = contexts.CreateSystemContext())
        {
            due = await db.MaintenanceVisits.AsNoTracking().Where(v => v.RemindedAt == null && v.ReportFiledAt == null && v.DueOn <= until)
                .OrderBy(v => v.DueOn).Select(v => v.Id).ToListAsync(cancellationToken);
        }

        var reminded = 0;
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await RemindVisitAsync(id, cancellationToken))
                {
                    reminded++;
                }
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "Reminder of maintenance visit {VisitId} lost a race; the other run sent it.", id);
            }
        }

        return reminded;
    }

    private async Task<bool> GenerateVisitAsync(Guid planId, int sequence, DateOnly dueOn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = contexts.CreateSystemContext();
        if (await db.MaintenanceVisits.AnyAsync(v => v.PlanId == planId && v.DueOn == dueOn, cancellationToken))
        {
            return false;
        }

        var plan = await db.MaintenancePlans.AsNoTracking().SingleAsync(p => p.Id == planId, cancellationToken);
        var contract = plan.ContractId is { } cid ? await db.MaintenanceContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, cancellationToken) : null;
        var assetId = plan.AssetId ?? contract?.CoveredAssetIds.FirstOrDefault()
            ?? throw new InvalidOperationException($"Maintenance plan {plan.Number} has neither an asset nor a covered asset.");
        var asset = await db.Assets.AsNoTracking().SingleAsync(a => a.Id == assetId, cancellationToken);
        var order = await db.PurchaseOrders.AsNoTracking().SingleAsync(o => o.Id == asset.OrderId, cancellationToken);
        var customer = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == plan.CustomerId, cancellationToken);
        var (policy, rules) = await rulesCatalog.ForSupplierAsync(db, plan.SupplierId, cancellationToken);

        // ADR 0008: the system files the request on the customer's behalf and receives it on the supplier's — both agreed
        // to the visit when the plan was set up — so the work order has its request and the request its usual life.
        var forCustomer = new Actor(null, $"系统（维保计划 {plan.Number}）", "system", plan.CustomerId, PartyKind.Customer, new HashSet<string>());
        var forSupplier = new Actor(null, $"系统（维保计划 {plan.Number}）", "system", plan.SupplierId, PartyKind.Supplier,
            new HashSet<string> { Permissions.RequestsReceive, Permissions.WorkOrdersDispatch });
        var kind = MaintenanceNames.Kind(plan.Kind);
        var what = $"维保计划 {plan.Number}「{plan.Title}」第 {sequence} 次{kind}，计划日期 {dueOn:yyyy-MM-dd}。检查项目：{string.Join("、", plan.Items)}";
        var details = new ServiceRequestDetails(ServiceType.Maintenance, what.Length > 2000 ? what[..2000] : what, null, null, null, ServiceMode.OnSite, Urgency.Normal,
            new ContactPerson(customer.Name.Length > 50 ? customer.Name[..50] : customer.Name, customer.ContactPhone ?? "未登记"), RequestChannel.Api);
        var parties = new ServiceRequestParties(plan.CustomerId, plan.SupplierId, asset.DealerId ?? order.DealerId, order.Id, order.Number, asset.Id, asset.Serial, order.Amount);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = ServiceRequest.Submit(Guid.CreateVersion7(now), await RequestNumbers.NextAsync(db, "SR", now, cancellationToken), parties, details, policy, null, forCustomer, now, rules);
        request.Validate(now, rules);
        request.Receive(forSupplier, $"维保计划 {plan.Number} 第 {sequence} 次{kind}，系统自动受理", now, rules);
        db.ServiceRequests.Add(request);

        var start = ServiceZone.At(dueOn, new TimeOnly(9, 0));
        var workPlan = new WorkOrderPlan(WorkOrderKind.Inspection, $"{kind}（{plan.Number} 第 {sequence} 次）：{string.Join("、", plan.Items)}", null, null, null,
            start, ServiceZone.At(dueOn, new TimeOnly(17, 0)), null);
        var workRequest = new WorkOrderRequest(request.Id, request.Number, request.Status, request.CustomerId, request.SupplierId, request.DealerId,
            string.IsNullOrEmpty(asset.Site.City) ? null : asset.Site.City, string.IsNullOrEmpty(asset.Site.Address) ? null : asset.Site.Address);
        var workOrder = WorkOrder.Create(Guid.CreateVersion7(now), await CreateWorkOrder.NextNumberAsync(db, now, cancellationToken), workRequest, workPlan, forSupplier, now);
        db.WorkOrders.Add(workOrder);

        db.MaintenanceVisits.Add(MaintenanceVisit.Generate(Guid.CreateVersion7(now), plan, sequence, dueOn, request.Id, request.Number, workOrder.Id, workOrder.Number, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> RemindVisitAsync(Guid visitId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = contexts.CreateSystemContext();
        var visit = await db.MaintenanceVisits.SingleAsync(v => v.Id == visitId, cancellationToken);
        if (!visit.IsReminderDue(ServiceZone.DateOf(now)))
        {
            return false;
        }

        var plan = await db.MaintenancePlans.AsNoTracking().SingleAsync(p => p.Id == visit.PlanId, cancellationToken);
        visit.MarkReminded(now);
        var kind = MaintenanceNames.Kind(plan.Kind);
        var title = $"维保提醒：{visit.DueOn:yyyy-MM-dd} {kind}";
        var body = $"维保计划 {plan.Number}「{plan.Title}」第 {visit.Sequence} 次{kind}定于 {visit.DueOn:yyyy-MM-dd}"
            + $"{(plan.AssetSerial is null ? string.Empty : $"（设备 {plan.AssetSerial}）")}，工单 {visit.WorkOrderNumber}，请提前预约上门时间。";
        var recipients = await RecipientsAsync(db, visit.CustomerId, Roles.CustomerUser, cancellationToken);
        recipients.AddRange(await RecipientsAsync(db, visit.SupplierId, Roles.SupplierAgent, cancellationToken));
        foreach (var (userId, organizationId) in recipients.Distinct())
        {
            db.Notifications.Add(new Notification(Guid.CreateVersion7(now), userId, organizationId, NotificationKind.MaintenanceDue, title, body, visit.ServiceRequestId,
                $"/maintenance/visits/{visit.Id}", $"{visit.Id:N}:maintenanceDue", now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<List<(Guid UserId, Guid OrganizationId)>> RecipientsAsync(AppDbContext db, Guid organizationId, string role, CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking().Where(u => u.IsActive && u.OrganizationId == organizationId)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .Select(u => new { u.Id, u.OrganizationId }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.OrganizationId))];
    }
}

/// <summary>
/// Runs <see cref="MaintenanceScheduler.RunAsync"/> on an interval (Maintenance:JobIntervalSeconds, default 3600; 0 turns
/// it off). A host that was down catches up at its next start: visits are generated up to 14 days ahead, never twice.
/// </summary>
public sealed class MaintenanceSchedulerWorker(MaintenanceScheduler scheduler, IConfiguration configuration, TimeProvider clock, ILogger<MaintenanceSchedulerWorker> logger)
    : IntervalWorker(configuration, clock, logger, "Maintenance:JobIntervalSeconds", 3600, "Maintenance scheduling")
{
    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var run = await scheduler.RunAsync(cancellationToken);
        if (run.VisitsGenerated + run.VisitsReminded > 0)
        {
            logger.LogInformation("Maintenance: {Generated} visit(s) generated, {Reminded} reminded.", run.VisitsGenerated, run.VisitsReminded);
        }
    }
}
