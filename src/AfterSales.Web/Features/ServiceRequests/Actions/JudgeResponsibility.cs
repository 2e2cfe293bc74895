using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.ServiceRequests.Actions;

/// <summary>责任判定 (R-JDG-2, R-JDG-3): a plan for warranty work, an itemised quote for paid work, or verification first.</summary>
public sealed class JudgeResponsibility(ServiceRequestActionRunner runner)
{
    public sealed record PlanInput(ServiceMode? Mode, DateTimeOffset? ScheduledAt, IReadOnlyList<string>? Staff, string? Steps);

    public sealed record QuoteLineInput(QuoteLineKind? Kind, string? Description, decimal Quantity, Domain.Money.Money? UnitPrice);

    public sealed record QuoteInput(IReadOnlyList<QuoteLineInput>? Lines, string? Currency, int? PartsLeadTimeDays, string? PaymentTerms);

    public sealed record Command(
        Responsibility? Responsibility,
        JudgementOutcome? Outcome,
        string? Analysis,
        PlanInput? Plan,
        QuoteInput? Quote,
        string? Exclusion);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        InvalidInput.Require(command.Outcome is not null, "outcome", "请选择判定结果。");
        InvalidInput.Require(command.Responsibility is not null, "responsibility", "请选择责任类别。");
        var plan = command.Plan is null ? null : new ServicePlan(
            command.Plan.Mode ?? throw new InvalidInput("plan.mode", "请选择服务方式。"),
            command.Plan.ScheduledAt,
            command.Plan.Staff ?? [],
            command.Plan.Steps ?? string.Empty);
        var quote = command.Quote is null ? null : ToQuote(command.Quote);
        return runner.RunAsync(id, "judge", command, context, (r, by, now, rules) => r.Judge(
            by, command.Responsibility!.Value, command.Outcome!.Value, command.Analysis, plan, quote, command.Exclusion, now, rules), cancellationToken);
    }

    private static Quote ToQuote(QuoteInput input)
    {
        var currency = string.IsNullOrWhiteSpace(input.Currency) ? Domain.Money.Money.Cny : input.Currency.Trim().ToUpperInvariant();
        var lines = (input.Lines ?? []).Select((line, i) => new QuoteLine(
            line.Kind ?? throw new InvalidInput($"quote.lines[{i}].kind", "请选择费用类别。"),
            line.Description?.Trim() ?? string.Empty,
            line.Quantity,
            line.UnitPrice ?? throw new InvalidInput($"quote.lines[{i}].unitPrice", "请填写单价。"))).ToList();
        return new Quote(lines, currency, input.PartsLeadTimeDays, input.PaymentTerms?.Trim());
    }
}
