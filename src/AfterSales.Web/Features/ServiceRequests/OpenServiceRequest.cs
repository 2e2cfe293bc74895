using System.Security.Cryptography;
using System.Text;
using AfterSales.Data;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests.Attachments;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ServiceRequests;

/// <summary>
/// 售后申请 (R-IN-2, R-IN-3, R-IN-5): checks the order (R-ORD-2) and the warranty (R-WTY-1) before anything is
/// written, files the request under the supplier's current policy version, stores its attachments and runs
/// intake validation — all in one transaction, guarded by an Idempotency-Key when the client sends one.
/// </summary>
public sealed class OpenServiceRequest(
    AppDbContext db,
    CallerContext callers,
    TimeProvider clock,
    ServiceRulesCatalog rulesCatalog,
    AttachmentIntake attachments,
    Warranty.WarrantyDecider warrantyDecider,
    CustomerSanctions.CustomerSanctionGate sanctions)
{
    public sealed record ContactInput(string? Name, string? Phone);

    public sealed record Command(
        string? OrderNumber,
        string? AssetSerial,
        ServiceType? Type,
        string? Symptom,
        DateTimeOffset? OccurredAt,
        string? Impact,
        string? SelfChecks,
        ServiceMode? RequestedResolution,
        Urgency? Urgency,
        ContactInput? Contact,
        RequestChannel? Channel = null,
        FaultLevel? FaultLevel = null,
        ServiceLevel? ServiceLevel = null);

    /// <summary>The request filed (or, for a replayed Idempotency-Key, the one filed the first time: then only its id).</summary>
    public sealed record Result(Guid Id, bool Replayed, ServiceRequest? Created = null, Domain.Policies.ServicePolicy? Policy = null);

    public async Task<Result> HandleAsync(Command command, IReadOnlyList<IncomingFile> files, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        if (!caller.Has(Permissions.RequestsCreate))
        {
            throw new ActionNotPermitted("create", "您的角色不能提交售后申请。");
        }

        // One connection for the whole use case instead of one per statement (each re-rent resets the session).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var fingerprint = Fingerprint(command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return new Result(earlier, true);
        }

        var orderNumber = InvalidInput.Text(command.OrderNumber, "orderNumber", "采购订单编号", 40);
        InvalidInput.Require(command.Type is not null, "type", "请选择售后类型。");
        InvalidInput.Require(command.Contact is not null, "contact", "请填写对接人及联系方式。");
        var type = command.Type!.Value;

        // The order and its supplier's policy version in force in one round trip (ARCHITECTURE §6: a create's reads are
        // budgeted). R-SLA-1: the highest version of the chosen policy's key already in effect, so an announced version
        // governs only requests filed from its date on (as ServiceRulesCatalog.ForSupplierAsync).
        var now = clock.GetUtcNow();
        var found = await db.PurchaseOrders.AsNoTracking()
            .Where(o => o.Number == orderNumber)
            .Select(o => new
            {
                Order = o,
                PolicyId = db.Organizations.Where(s => s.Id == o.SupplierId)
                    .Select(s => db.ServicePolicies
                        .Where(p => p.EffectiveFrom <= now && db.ServicePolicies.Any(c => c.Id == s.ServicePolicyId && c.Key == p.Key))
                        .OrderByDescending(p => p.Version).Select(p => (Guid?)p.Id).FirstOrDefault() ?? s.ServicePolicyId)
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var order = found?.Order;
        if (order is null || (caller.Party == PartyKind.Customer && order.CustomerId != caller.OrganizationId))
        {
            throw new WorkflowRuleViolation("R-ORD-1", $"采购订单 {orderNumber} 不存在或不属于贵单位。");
        }

        // R-FRD-1: a customer organisation suspended or blacklisted for a fake claim files nothing until it is lifted.
        await sanctions.EnsureMayRequestAsync(order.CustomerId, now, cancellationToken);

        if (order.Status != OrderStatus.Accepted)
        {
            throw new WorkflowRuleViolation("R-ORD-2", $"采购订单 {order.Number} 尚未验收完成，不能发起售后申请。");
        }

        await Ratings.SupplierSanctions.EnsureMayReceiveAsync(db, order.SupplierId, now, cancellationToken); // R-RAT-1: grade D suspends

        var (policy, rules) = await rulesCatalog.ForPolicyAsync(db, found!.PolicyId
            ?? throw new WorkflowRuleViolation("R-SLA-1", "该供应商尚未设置售后政策，暂不能受理售后申请。"), cancellationToken);
        var (asset, product) = await FindAssetAsync(order, command.AssetSerial, type, cancellationToken);
        // R-WTY-1..7: an asset's decision is the one its warranty page shows — with its parts, cards and judged faults
        // (the same facts the judgement is checked against); an order without assets is decided from its first line.
        var today = ServiceZone.DateOf(now);
        DateOnly? orderAcceptedOn = order.AcceptedAt is { } acceptedAt ? ServiceZone.DateOf(acceptedAt) : null;
        var facts = asset is not null
            ? Warranty.WarrantyDecider.FactsOf(await warrantyDecider.LoadAsync(asset, cancellationToken), today)
            : product is null ? null
            : new WarrantyFacts(orderAcceptedOn, product.Category, product.WarrantyMonths, order.ContractWarrantyMonths, false, null, null);
        var warranty = facts is null ? null
            : WarrantyRules.Decide(facts.AcceptedOn is null ? facts with { AcceptedOn = orderAcceptedOn } : facts, rules.Policy.Warranty, today);

        // R-IN-5 / R-WTY-1: a warranty request on an asset out of warranty is refused with the reason.
        if (type == ServiceType.WarrantyRepair && warranty is { Covered: false })
        {
            var rule = warranty.Status == WarrantyStatus.NotRegistered ? "R-WTY-3" : "R-WTY-1";
            throw new WorkflowRuleViolation(rule, $"{warranty.Explanation} 质保维修申请不能受理，请改选付费维修。");
        }

        var details = new ServiceRequestDetails(
            type,
            command.Symptom ?? string.Empty,
            command.OccurredAt,
            command.Impact,
            command.SelfChecks,
            command.RequestedResolution ?? ServiceMode.Remote,
            command.Urgency ?? Urgency.Normal,
            new ContactPerson(command.Contact!.Name ?? string.Empty, command.Contact.Phone ?? string.Empty),
            command.Channel ?? RequestChannel.Portal,
            command.FaultLevel,
            command.ServiceLevel);
        var parties = new ServiceRequestParties(order.CustomerId, order.SupplierId, asset?.DealerId ?? order.DealerId, order.Id, order.Number, asset?.Id, asset?.Serial, order.Amount);

        var actor = caller.ToActor();
        var id = Guid.CreateVersion7(now);
        var stored = new List<Attachment>();
        try
        {
            foreach (var file in files)
            {
                stored.Add(await attachments.StoreAsync(file, id, rules.Policy.Attachments, actor, now, cancellationToken));
            }

            // One transaction around the number and the inserts; a failed save rolls all of it back, so EF's
            // per-save savepoint would only add statements.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Database.AutoSavepointsEnabled = false;
            var number = await RequestNumbers.NextAsync(db, "SR", now, cancellationToken);
            var request = ServiceRequest.Submit(id, number, parties, details, policy, warranty, actor, now, rules);
            foreach (var attachment in stored)
            {
                request.AddAttachment(attachment, actor, now, rules);
            }

            request.Validate(now, rules);
            db.ServiceRequests.Add(request);
            if (idempotencyKey is not null)
            {
                Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, request.Id, StatusCodes.Status201Created, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(request.Id, false, request, policy);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            stored.ForEach(attachments.Discard);
            var winner = await Idempotency.FindAfterRaceAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken);
            return winner is { } id2 ? new Result(id2, true) : throw new ConcurrencyConflict();
        }
        catch
        {
            stored.ForEach(attachments.Discard);
            throw;
        }
    }

    private async Task<(Domain.Assets.Asset? Asset, Product? Product)> FindAssetAsync(PurchaseOrder order, string? serial, ServiceType type, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serial))
        {
            // Without a device only a warranty repair needs a warranty decision, from the order's (first) product.
            if (type != ServiceType.WarrantyRepair)
            {
                return (null, null);
            }

            var orderHasAssets = await db.Assets.AnyAsync(a => a.OrderId == order.Id, cancellationToken);
            InvalidInput.Require(!orderHasAssets, "assetSerial", "质保维修须选择设备编号。");
            var firstLine = order.Lines.OrderBy(l => l.LineNo).FirstOrDefault();
            var lineProduct = firstLine is null ? null : await db.Products.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Id == firstLine.ProductId, cancellationToken);
            return (null, lineProduct);
        }

        var trimmed = serial.Trim();
        var found = await db.Assets.AsNoTracking()
            .Where(a => a.Serial == trimmed)
            .Join(db.Products, a => a.ProductId, p => p.Id, (a, p) => new { Asset = a, Product = p })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Asset.OrderId != order.Id)
        {
            throw new WorkflowRuleViolation("R-AST-1", $"设备 {trimmed} 不属于采购订单 {order.Number}。");
        }

        return (found.Asset, found.Product);
    }

    private static string Fingerprint(Command command) =>
        "create:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(command))))[..32];
}
