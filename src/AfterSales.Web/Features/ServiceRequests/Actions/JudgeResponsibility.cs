using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.ServiceRequests.Actions;

/// <summary>责任判定 (R-JDG-2, R-JDG-3): a plan for warranty work, an itemised quote for paid work, or verification first.</summary>
public sealed class JudgeResponsibility(ServiceRequestActionRunner runner, Quotes.QuotePricing pricing)
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
        string? Exclusion);

    public async Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        InvalidInput.Require(command.Outcome is not null, "outcome", "请选择判定结果。");
        InvalidInput.Require(command.Responsibility is not null, "responsibility", "请选择责任类别。");
        var plan = command.Plan is null ? null : new ServicePlan(
            command.Plan.Mode ?? throw new InvalidInput("plan.mode", "请选择服务方式。"),
            command.Plan.ScheduledAt,
            command.Plan.Staff ?? [],
            command.Plan.Steps ?? string.Empty);
        var priceList = await pricing.LoadAsync(command.Quote, cancellationToken);
        return await runner.RunAsync(id, "judge", command, context, (r, by, now, rules) => r.Judge(
            by, command.Responsibility!.Value, command.Outcome!.Value, command.Analysis, plan,
            command.Quote is null ? null : Quotes.QuotePricing.Build(command.Quote, priceList, r.SupplierId, now), command.Exclusion, now, rules), cancellationToken);
    }
}
