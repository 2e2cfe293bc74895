using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ServiceRequests.Actions;

/// <summary>责任判定 (R-JDG-2, R-JDG-3): a plan for warranty work, an itemised quote for paid work, or verification first.</summary>
public sealed class JudgeResponsibility(ServiceRequestActionRunner runner, AppDbContext db, WarrantyDecider warranty, Quotes.QuotePricing pricing)
{
    public sealed record PlanInput(ServiceMode? Mode, DateTimeOffset? ScheduledAt, IReadOnlyList<string>? Staff, string? Steps);

    /// <summary>A quote line; with <c>PriceListItemId</c> it is priced from the price list (quotes feature, R-QUO-2).</summary>
    public sealed record QuoteLineInput(QuoteLineKind? Kind, string? Description, decimal Quantity, Domain.Money.Money? UnitPrice, Guid? PriceListItemId = null);

    public sealed record QuoteInput(IReadOnlyList<QuoteLineInput>? Lines, string? Currency, int? PartsLeadTimeDays, string? PaymentTerms, DateOnly? ValidUntil = null);

    public sealed record Command(
        Responsibility? Responsibility,
        JudgementOutcome? Outcome,
        string? Analysis,
        PlanInput? Plan,
        QuoteInput? Quote,
        string? Exclusion,
        string? FaultCode = null,
        IReadOnlyList<Guid>? EvidenceAttachmentIds = null,
        string? GoodwillReason = null,
        string? CoveredPart = null,
        Guid? AppraisalAttachmentId = null,
        string? AppraisalFinding = null);

    public async Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        InvalidInput.Require(command.Outcome is not null, "outcome", "请选择判定结果。");
        InvalidInput.Require(command.Responsibility is not null, "responsibility", "请选择责任类别。");
        var plan = command.Plan is null ? null : new ServicePlan(
            command.Plan.Mode ?? throw new InvalidInput("plan.mode", "请选择服务方式。"),
            command.Plan.ScheduledAt,
            command.Plan.Staff ?? [],
            command.Plan.Steps ?? string.Empty);
        // Quotes (issue 4): lines naming a price-list item are priced from it within its band (R-QUO-2).
        var priceList = await pricing.LoadAsync(command.Quote, cancellationToken);

        // Warranty (issue 4): the judgement is checked against the decision on the fault's day, counting this fault (R-JDG-2, R-WTY-5).
        InvalidInput.Require(WarrantyExclusions.TryParse(command.Exclusion, out var exclusion), "exclusion",
            $"除外条款须为以下代码之一：{string.Join("、", WarrantyExclusions.All.Select(e => WarrantyExclusionView.Of(e).Code))}（R-WTY-4）。");
        var faultCode = ServiceRequest.CleanFaultCode(command.FaultCode);
        var seen = await ServiceRequestLookup.ById(db.ServiceRequests, id).AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        var decision = await warranty.ForRequestAsync(seen, faultCode, cancellationToken);
        var input = new JudgementWarrantyInput(faultCode, exclusion, command.EvidenceAttachmentIds, command.GoodwillReason, command.CoveredPart,
            command.AppraisalAttachmentId, command.AppraisalFinding);
        return await runner.RunAsync(id, "judge", command, context, (r, by, now, rules) => r.JudgeWithWarranty(
            by, command.Responsibility!.Value, command.Outcome!.Value, command.Analysis, plan,
            command.Quote is null ? null : Quotes.QuotePricing.Build(command.Quote, priceList, r.SupplierId, now), input, decision, now, rules), cancellationToken);
    }
}
