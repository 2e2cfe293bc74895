using AfterSales.Domain.Money;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;

namespace AfterSales.Web.Features.Disputes;

// One use case per dispute verb (R-DSP-1..3); each names its input and lets the aggregate decide.

/// <summary>提出争议 (R-DSP-1): the customer, within the window, with evidence already uploaded to the request.</summary>
public sealed class RaiseDispute(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Reason, IReadOnlyList<Guid>? EvidenceAttachmentIds);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "dispute", command, context,
            (r, by, now, rules) => r.RaiseDispute(by, command.Reason ?? string.Empty, command.EvidenceAttachmentIds ?? [], now, rules), cancellationToken);
}

/// <summary>供应商答辩 (R-DSP-1).</summary>
public sealed class AnswerDispute(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Statement, IReadOnlyList<Guid>? EvidenceAttachmentIds);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "answerDispute", command, context,
            (r, by, now, _) => r.AnswerDispute(by, command.Statement ?? string.Empty, command.EvidenceAttachmentIds ?? [], now), cancellationToken);
}

/// <summary>送第三方鉴定 (R-DSP-3).</summary>
public sealed class SendToAppraisal(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Agency, string? Sample, string? SampleTracking, Money? Fee);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        Domain.Common.InvalidInput.Require(command.Fee is not null, "fee", "请填写鉴定费（无费用填 0）。");
        return runner.RunAsync(id, "sendToAppraisal", command, context,
            (r, by, now, _) => r.SendToAppraisal(by, command.Agency ?? string.Empty, command.Sample ?? string.Empty, command.SampleTracking, command.Fee!.Value, now), cancellationToken);
    }
}

/// <summary>登记鉴定结果 (R-DSP-3): the fee goes to the ledger of the party that pays it.</summary>
public sealed class RecordAppraisal(ServiceRequestActionRunner runner)
{
    public sealed record Command(AppraisalResult? Result, string? Findings, IReadOnlyList<Guid>? ReportAttachmentIds);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        Domain.Common.InvalidInput.Require(command.Result is not null, "result", "请选择鉴定结论：failsStandard（不符合质量标准）或 meetsStandard（符合质量标准）。");
        return runner.RunAsync(id, "recordAppraisal", command, context,
            (r, by, now, rules) => r.RecordAppraisalResult(by, command.Result!.Value, command.Findings ?? string.Empty, command.ReportAttachmentIds ?? [], now, rules), cancellationToken);
    }
}

/// <summary>The ruling's terms as the API takes them (API.md: responsibility, decision, outcome; plus reasoning and costs).</summary>
public sealed record RulingInput(
    Responsibility? Responsibility,
    ArbitrationOutcome? Outcome,
    string? Decision,
    string? Reasoning,
    CostsInput? Costs,
    QuoteInput? AdjustedQuote)
{
    public RulingTerms ToTerms()
    {
        Domain.Common.InvalidInput.Require(Responsibility is not null, "responsibility", "请选择责任方。");
        Domain.Common.InvalidInput.Require(Outcome is not null, "outcome", "请选择处理结果：warrantyService、paidService 或 other。");
        Domain.Common.InvalidInput.Require(Costs is not null, "costs.supplierPercent", "请填写费用分担（供应商承担比例）。");
        var quote = AdjustedQuote is { Lines.Count: > 0 } q
            ? new Quote([.. q.Lines.Select(l => new QuoteLine(l.Kind ?? QuoteLineKind.Service, l.Description ?? string.Empty, l.Quantity, l.UnitPrice ?? Money.Zero()))],
                q.Lines[0].UnitPrice?.Currency ?? Money.Cny, q.PartsLeadTimeDays, q.PaymentTerms)
            : null;
        return new RulingTerms(Responsibility!.Value, Outcome!.Value, Decision ?? string.Empty, Reasoning ?? string.Empty, Costs!.SupplierPercent, Costs.Note, quote);
    }
}

public sealed record CostsInput(int SupplierPercent, string? Note);

public sealed record QuoteInput(IReadOnlyList<QuoteLineInput> Lines, int? PartsLeadTimeDays, string? PaymentTerms);

public sealed record QuoteLineInput(QuoteLineKind? Kind, string? Description, decimal Quantity, Money? UnitPrice);

/// <summary>平台仲裁 (R-DSP-2): issues the determination letter and moves the request on.</summary>
public sealed class Arbitrate(ServiceRequestActionRunner runner)
{
    public Task<Guid> HandleAsync(string id, RulingInput command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        var terms = command.ToTerms();
        return runner.RunAsync(id, "arbitrate", command, context, (r, by, now, rules) => r.Arbitrate(by, terms, now, rules), cancellationToken);
    }
}

/// <summary>对判定意见书提出异议 (R-DSP-2).</summary>
public sealed class ObjectToRuling(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Reason);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "objectRuling", command, context, (r, by, now, _) => r.ObjectToRuling(by, command.Reason ?? string.Empty, now), cancellationToken);
}

/// <summary>上级复核 (R-DSP-2): uphold, or amend with a new ruling.</summary>
public sealed class ReviewRuling(ServiceRequestActionRunner runner)
{
    public sealed record Command(RulingReviewDecision? Decision, string? Note, RulingInput? Ruling);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        Domain.Common.InvalidInput.Require(command.Decision is not null, "decision", "请选择复核结论：uphold（维持）或 amend（改判）。");
        var amended = command.Decision == RulingReviewDecision.Amend && command.Ruling is { } ruling ? ruling.ToTerms() : null;
        return runner.RunAsync(id, "reviewRuling", command, context,
            (r, by, now, rules) => r.ReviewRuling(by, command.Decision!.Value, command.Note ?? string.Empty, amended, now, rules), cancellationToken);
    }
}
