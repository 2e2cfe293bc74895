using AfterSales.Domain.Common;
using AfterSales.Domain.Warranty;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// What a judgement records beside the outcome (R-JDG-1..3): the fault code, the exclusion cited (R-WTY-4), the evidence,
/// the ground a free service rests on (warranty, a part's own term, a repeat fault, an appraised abnormal part life or
/// goodwill) and the warranty decision it was checked against, with its basis.
/// </summary>
public sealed record JudgementBasis(
    string? FaultCode,
    WarrantyExclusion? Exclusion,
    IReadOnlyList<Guid> EvidenceAttachmentIds,
    FreeServiceGround Ground,
    string? GoodwillReason,
    string? CoveredPart,
    Guid? AppraisalAttachmentId,
    string? AppraisalFinding,
    WarrantyDecision? Decision);

/// <summary>The warranty side of a judgement as the caller gives it.</summary>
public sealed record JudgementWarrantyInput(
    string? FaultCode,
    WarrantyExclusion? Exclusion,
    IReadOnlyList<Guid>? EvidenceAttachmentIds,
    string? GoodwillReason,
    string? CoveredPart,
    Guid? AppraisalAttachmentId,
    string? AppraisalFinding);

public sealed partial class ServiceRequest
{
    /// <summary>故障代码 the judgement named; repeat faults on the asset are counted by it (R-WTY-5).</summary>
    public string? FaultCode { get; private set; }

    /// <summary>Day the fault occurred (its occurrence time, else the filing time) in the service zone.</summary>
    public DateOnly? FaultOn { get; private set; }

    public JudgementBasis? JudgementBasis { get; private set; }

    /// <summary>The day a warranty decision for this request speaks of: when the fault occurred, else when it was filed.</summary>
    public DateOnly FaultDate => ServiceZone.DateOf(OccurredAt ?? CreatedAt);

    /// <summary>Fault codes are short identifiers (E-104, SPINDLE-OVERHEAT).</summary>
    public static string? CleanFaultCode(string? faultCode)
    {
        var code = InvalidInput.OptionalText(faultCode, "faultCode", "故障代码", 40);
        InvalidInput.Require(code is null || code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), "faultCode", "故障代码只能包含英文字母、数字、“-”、“_”和“.”。");
        return code?.ToUpperInvariant();
    }

    /// <summary>
    /// 责任判定 checked against the warranty decision (R-JDG-2, R-JDG-3, R-WTY-4): the input is checked first (400
    /// naming the field), then <see cref="WarrantyRules.CheckJudgement"/> (409 naming the field and rule), and only then
    /// does <see cref="Judge"/> record the outcome, so a refusal changes nothing.
    /// </summary>
    public void JudgeWithWarranty(
        Actor by,
        Responsibility responsibility,
        JudgementOutcome outcome,
        string? analysis,
        ServicePlan? plan,
        Quote? quote,
        JudgementWarrantyInput input,
        WarrantyDecision? current,
        DateTimeOffset now,
        ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Judge, by);
        var faultCode = CleanFaultCode(input.FaultCode);
        var evidence = (input.EvidenceAttachmentIds ?? []).Distinct().ToList();
        for (var i = 0; i < evidence.Count; i++)
        {
            InvalidInput.Require(_attachments.Any(a => a.Id == evidence[i]), $"evidenceAttachmentIds[{i}]", "佐证材料必须是本售后单已上传的附件。");
        }

        var goodwill = InvalidInput.OptionalText(input.GoodwillReason, "goodwillReason", "善意保修理由", 1000);
        var finding = InvalidInput.OptionalText(input.AppraisalFinding, "appraisalFinding", "鉴定结论", 1000);
        if (input.AppraisalAttachmentId is { } appraisal)
        {
            InvalidInput.Require(_attachments.Any(a => a.Id == appraisal), "appraisalAttachmentId", "鉴定报告必须是本售后单已上传的附件。");
            InvalidInput.Require(finding is not null, "appraisalFinding", "请填写配件寿命异常的鉴定结论（R-WTY-6）。");
        }
        else
        {
            InvalidInput.Require(finding is null, "appraisalAttachmentId", "配件寿命异常须附鉴定报告（R-WTY-6）。");
        }

        var part = InvalidInput.OptionalText(input.CoveredPart, "coveredPart", "在保配件", 200);
        if (part is not null)
        {
            InvalidInput.Require(current?.Parts.Any(p => p.Covered && string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase)) == true,
                "coveredPart", $"配件 {part} 不在自有质保期内（R-WTY-2）。");
        }

        var ground = WarrantyRules.CheckJudgement(current, outcome, input.Exclusion, goodwill, part is not null, input.AppraisalAttachmentId is not null);
        var exclusionCode = input.Exclusion is { } ex ? char.ToLowerInvariant(ex.ToString()[0]) + ex.ToString()[1..] : null;
        Judge(by, responsibility, outcome, analysis, plan, quote, exclusionCode, now, rules);
        FaultCode = faultCode;
        FaultOn = FaultDate;
        JudgementBasis = new JudgementBasis(faultCode, input.Exclusion, evidence, ground,
            ground == FreeServiceGround.Goodwill ? goodwill : null, ground == FreeServiceGround.PartWarranty ? part : null,
            ground == FreeServiceGround.AbnormalLife ? input.AppraisalAttachmentId : null, ground == FreeServiceGround.AbnormalLife ? finding : null, current);
    }
}
