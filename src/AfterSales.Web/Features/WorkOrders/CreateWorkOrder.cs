using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>
/// 创建工单 (issue 6 §1): supplier staff open a work order under a request they serve — numbered GD-YYYY-NNNNNN, with
/// the asset's installation site as the work site. A retry with the same Idempotency-Key creates it once.
/// </summary>
public sealed class CreateWorkOrder(AppDbContext db, CallerContext callers, TimeProvider clock, ReturnToFactory.ReturnRecords returns)
{
    /// <param name="RequestId">The service request (id or number SR-…).</param>
    /// <param name="Kind">remote, onSite, partsShipment, returnToFactory, replacement, loaner or inspection.</param>
    /// <param name="Summary">What is to be done (required).</param>
    /// <param name="RequiredSkill">A skill the engineer should have, e.g. 数控系统 (optional).</param>
    /// <param name="RequiredCertificate">electrician, maintenanceCertification, workingAtHeight or specialEquipment: dispatch needs a valid one.</param>
    /// <param name="SiteAccess">现场准入要求 (optional).</param>
    /// <param name="ScheduledStart">Planned start (remote: the agreed window's start).</param>
    /// <param name="ScheduledEnd">Planned end.</param>
    /// <param name="RemoteToolLink">The remote tool's session link (remote, optional).</param>
    /// <param name="PeakAgreed">The customer agreed to a remote window inside its production peak (R-EXE-1).</param>
    public sealed record Command(
        string? RequestId,
        WorkOrderKind? Kind,
        string? Summary,
        string? RequiredSkill,
        CertificateType? RequiredCertificate,
        string? SiteAccess,
        DateTimeOffset? ScheduledStart,
        DateTimeOffset? ScheduledEnd,
        string? RemoteToolLink,
        bool? PeakAgreed = null);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint("createWorkOrder", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        InvalidInput.Require(!string.IsNullOrWhiteSpace(command.RequestId), "requestId", "请指定售后单。");
        InvalidInput.Require(command.Kind is not null, "kind", "请选择工单类型。");
        var request = await LoadRequestAsync(command.RequestId!, cancellationToken);
        var plan = new WorkOrderPlan(command.Kind!.Value, command.Summary, command.RequiredSkill, command.RequiredCertificate, command.SiteAccess,
            command.ScheduledStart, command.ScheduledEnd, command.RemoteToolLink, command.PeakAgreed ?? false);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = WorkOrder.Create(Guid.CreateVersion7(now), await NextNumberAsync(db, now, cancellationToken), request, plan, caller.ToActor(), now);
        db.WorkOrders.Add(order);
        await returns.OnCreatedAsync(order, now, cancellationToken); // R-EXE-5/6: the return-to-factory or replacement record and timer
        return await Idempotency.CommitCreatedAsync(db, transaction, caller.UserId, idempotencyKey, fingerprint, order.Id, now, cancellationToken);
    }

    /// <summary>GD-2026-000001: gap-free per year, like requests (SR) and complaints (TS).</summary>
    public static Task<string> NextNumberAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        RequestNumbers.NextAsync(db, "GD", now, cancellationToken);

    /// <summary>The request as a work order needs it, with the asset's site; a request the caller cannot see is 404.</summary>
    public static async Task<WorkOrderRequest> LoadRequestAsync(AppDbContext db, string idOrNumber, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), idOrNumber)
            .Select(r => new { r.Id, r.Number, r.Status, r.CustomerId, r.SupplierId, r.DealerId, r.AssetId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        var site = request.AssetId is { } assetId
            ? await db.Assets.AsNoTracking().IgnoreQueryFilters().Where(a => a.Id == assetId).Select(a => new { a.Site.City, a.Site.Address, a.ProductionPeakHours }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new WorkOrderRequest(request.Id, request.Number, request.Status, request.CustomerId, request.SupplierId, request.DealerId,
            string.IsNullOrEmpty(site?.City) ? null : site.City, string.IsNullOrEmpty(site?.Address) ? null : site.Address, site?.ProductionPeakHours);
    }

    private Task<WorkOrderRequest> LoadRequestAsync(string idOrNumber, CancellationToken cancellationToken) => LoadRequestAsync(db, idOrNumber, cancellationToken);
}
