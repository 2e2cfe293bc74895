using AfterSales.Data;
using AfterSales.Domain.Invoices;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Attachments;

namespace AfterSales.Web.Features.Invoices;

/// <summary>
/// Demo data of issue 4 invoices (R-FEE-1): one paid repair of 宁波海川 (customer2) on EQ-0201 at 华东精密, taken through
/// the real business verbs 40 days ago — quoted from the price list, quote confirmed, done, accepted, revisited,
/// vouchers uploaded and archived — so it holds no open deadline, and its invoice (part paid) is now overdue.
/// </summary>
public sealed class InvoiceDemoData(TimeProvider clock, ServiceRulesCatalog rulesCatalog, IAttachmentStore files)
{
    // Minimal files that pass content sniffing: the vouchers R-ARC-1 asks for before archiving.
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public async Task SeedAsync(AppDbContext db, PurchaseOrder order, Guid assetId, string assetSerial, Guid policyId, Guid platformId, CancellationToken cancellationToken)
    {
        var (policy, rules) = await rulesCatalog.ForPolicyAsync(db, policyId, cancellationToken);
        var at = clock.GetUtcNow().AddDays(-40);
        var customer = Actor(order.CustomerId, PartyKind.Customer, Roles.CustomerUser, "陈静");
        var agent = Actor(order.SupplierId, PartyKind.Supplier, Roles.SupplierAgent, "赵丽");
        var engineer = Actor(order.SupplierId, PartyKind.Supplier, Roles.SupplierEngineer, "孙浩");
        var platform = Actor(platformId, PartyKind.Platform, Roles.PlatformOperator, "王敏");

        var parties = new ServiceRequestParties(order.CustomerId, order.SupplierId, order.DealerId, order.Id, order.Number, assetId, assetSerial, order.Amount);
        var details = new ServiceRequestDetails(ServiceType.PaidRepair, "搬运时叉车碰撞，防护门变形无法关闭", at.AddHours(-3), "1 台设备停机", "已断电检查",
            ServiceMode.OnSite, Urgency.Normal, new ContactPerson("刘工", "13900000002"), RequestChannel.Portal);
        var number = await RequestNumbers.NextAsync(db, "SR", at, cancellationToken);
        var request = ServiceRequest.Submit(Guid.CreateVersion7(at), number, parties, details, policy, null, customer, at, rules);
        request.Validate(at, rules);
        request.Receive(agent, "防护门撞击变形", at.AddHours(1), rules);
        request.Judge(agent, Responsibility.HumanDamage, JudgementOutcome.Paid, "叉车碰撞导致防护门变形，属人为损坏", new ServicePlan(ServiceMode.OnSite, at.AddDays(2), ["孙浩"], "上门更换防护门组件并调试"),
            new Quote([new QuoteLine(QuoteLineKind.Parts, "防护门组件", 1, Domain.Money.Money.Yuan(3600m)), new QuoteLine(QuoteLineKind.Labour, "工程师工时", 4, Domain.Money.Money.Yuan(300m)),
                new QuoteLine(QuoteLineKind.OnSiteFee, "上门服务费（市内）", 1, Domain.Money.Money.Yuan(800m))], Domain.Money.Money.Cny, 3, "验收合格后 30 日内付款"),
            "R-WTY-4 撞击", at.AddHours(2), rules);
        request.AcceptQuote(customer, at.AddHours(20), rules);
        request.StartService(engineer, "已到达现场", at.AddDays(2), rules);
        request.CompleteService(engineer, "更换防护门组件，开关门 50 次无卡滞", [new PartUsed("防护门组件", "DR-850", 1)], "设备恢复正常", at.AddDays(2).AddHours(4), rules);
        var acceptedAt = at.AddDays(2).AddHours(8);
        request.Accept(customer, new ServiceRating(5, 4, 5), "维修及时", acceptedAt, rules);

        // The invoice follows the acceptance, as the acceptance use case issues it (R-FEE-1).
        var invoiceNumber = await RequestNumbers.NextAsync(db, "INV", acceptedAt, cancellationToken);
        var invoice = Invoice.Issue(Guid.CreateVersion7(acceptedAt), invoiceNumber, request, InvoiceTerms.From(rules.Policy), acceptedAt);
        request.NoteInvoice(Domain.ServiceRequests.Actor.System, "invoiceIssued", $"已开具发票 {invoiceNumber}：价税合计 {invoice.Total}，应于 {invoice.DueDate:yyyy-MM-dd} 前付款", acceptedAt);
        var paidAt = acceptedAt.AddDays(10);
        db.InvoicePayments.Add(invoice.RecordPayment(Guid.CreateVersion7(paidAt), Domain.Money.Money.Yuan(2000m), "银行转账", "HC-2026-0417", agent.Name, paidAt));
        request.NoteInvoice(agent, "invoicePayment", $"发票 {invoiceNumber} 收款 {Domain.Money.Money.Yuan(2000m)}（HC-2026-0417），未付 {invoice.Outstanding}", paidAt);

        request.RecordRevisit(platform, RevisitChannel.Phone, 5, "客户满意", acceptedAt.AddHours(20), rules);
        var uploadedAt = acceptedAt.AddDays(1);
        await AttachAsync(request, AttachmentKind.ServiceReport, "维修报告.pdf", "application/pdf", Pdf, agent, uploadedAt, rules, cancellationToken);
        await AttachAsync(request, AttachmentKind.SitePhoto, "现场照片.png", "image/png", Png, agent, uploadedAt, rules, cancellationToken);
        request.Archive(agent, uploadedAt.AddHours(1), rules);
        request.DequeueAlerts();

        db.ServiceRequests.Add(request);
        db.Invoices.Add(invoice);
    }

    private async Task AttachAsync(ServiceRequest request, AttachmentKind kind, string name, string contentType, byte[] content, Actor by, DateTimeOffset at, ServiceRules rules, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        var stored = await files.SaveAsync(stream, content.Length, cancellationToken) ?? throw new InvalidOperationException("Demo voucher could not be stored.");
        request.AddAttachment(new Attachment(Guid.CreateVersion7(at), request.Id, kind, name, contentType, stored.SizeBytes, stored.StoredName, stored.Sha256, at, by.Name, by.OrganizationId), by, at, rules);
    }

    private static Actor Actor(Guid organizationId, PartyKind party, string role, string name) =>
        new(null, name, role, organizationId, party, Roles.Get(role).Grants.ToHashSet());
}
