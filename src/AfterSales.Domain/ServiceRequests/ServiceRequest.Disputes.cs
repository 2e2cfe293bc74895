using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// 争议协调与平台仲裁 (R-DSP-1..3, seed 000 "争议协调"): the customer objects to a judgement or quote within the
/// policy's window, the supplier answers, the platform rules (optionally after a third-party appraisal), and each
/// party may object to the ruling within its window; silence is acceptance, recorded on the timeline.
/// </summary>
public sealed partial class ServiceRequest
{
    public DisputeCase? Dispute { get; private set; }

    /// <summary>视为认可: the dispute window ended with no dispute, so the judgement (and quote) stand (R-DSP-2).</summary>
    public DateTimeOffset? JudgementDeemedAcceptedAt { get; private set; }

    /// <summary>提出争议 (R-DSP-1): the customer objects to the judgement or quote with evidence; the platform arbitrates.</summary>
    public void RaiseDispute(Actor by, string reason, IReadOnlyList<Guid> evidenceAttachmentIds, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Dispute, by);
        if (Dispute is not null)
        {
            throw new WorkflowRuleViolation("R-DSP-1", "本单已提出过争议并经平台仲裁；对判定意见书有异议请在异议期内提出。");
        }

        LapseWindows(now);
        if (rules.Policy.Deadlines.ContainsKey(DeadlineKind.DisputeWindow))
        {
            var window = _deadlines.LastOrDefault(d => d.Kind == DeadlineKind.DisputeWindow);
            if (window is null || !window.IsOpen)
            {
                var ended = window is null ? string.Empty : $"已于 {ServiceZone.ToLocal(window.DueAt):yyyy-MM-dd HH:mm} 结束，";
                throw new WorkflowRuleViolation("R-DSP-1", $"异议期{ended}责任判定已视为认可，不能再提出争议。");
            }
        }

        var text = InvalidInput.Text(reason, "reason", "争议理由", 4000);
        var evidence = CheckEvidence(evidenceAttachmentIds, "evidenceAttachmentIds");
        InvalidInput.Require(evidence.Count > 0, "evidenceAttachmentIds", "请附上反驳材料（如第三方检测报告、照片）。");
        Dispute = new DisputeCase(new DisputeSubmission(PartyKind.Customer, text, evidence, now, by.Name), Status) { DisputedQuote = Judgement?.Quote };
        MoveTo(ServiceRequestAction.Dispute, ServiceRequestStatus.InArbitration, by, text, now, rules);
    }

    /// <summary>供应商答辩 (R-DSP-1): the supplier's side with its own evidence; both parties see both.</summary>
    public void AnswerDispute(Actor by, string statement, IReadOnlyList<Guid> evidenceAttachmentIds, DateTimeOffset now)
    {
        EnsureAllowed(ServiceRequestAction.AnswerDispute, by);
        var dispute = Dispute!;
        if (dispute.Answer is not null)
        {
            throw new WorkflowRuleViolation("R-DSP-1", "供应商已提交答辩，不能重复提交。");
        }

        var text = InvalidInput.Text(statement, "statement", "答辩意见", 4000);
        var evidence = CheckEvidence(evidenceAttachmentIds, "evidenceAttachmentIds");
        Dispute = dispute with { Answer = new DisputeSubmission(by.Party ?? PartyKind.Supplier, text, evidence, now, by.Name) };
        Record(by, ActionName(ServiceRequestAction.AnswerDispute), null, null, text, now);
    }

    /// <summary>
    /// 送第三方鉴定 (R-DSP-3): the platform sends a sample to an agency. The arbitration deadline stands still until the
    /// report is in — the platform is waiting on the agency, not idle.
    /// </summary>
    public void SendToAppraisal(Actor by, string agency, string sample, string? sampleTracking, Money.Money fee, DateTimeOffset now)
    {
        EnsureAllowed(ServiceRequestAction.SendToAppraisal, by);
        if (Dispute!.Appraisal is not null)
        {
            throw new WorkflowRuleViolation("R-DSP-3", "本争议已送第三方鉴定。");
        }

        InvalidInput.Require(fee.Amount >= 0, "fee", "鉴定费不能为负数。");
        var appraisal = new ThirdPartyAppraisal(
            InvalidInput.Text(agency, "agency", "鉴定机构", 200),
            InvalidInput.Text(sample, "sample", "送检样品", 500),
            InvalidInput.OptionalText(sampleTracking, "sampleTracking", "样品寄送单号", 100),
            fee.Rounded(),
            now,
            by.Name);
        Dispute = Dispute with { Appraisal = appraisal };
        _deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Arbitration && d.IsOpen)?.Pause(now);
        UpdateNextDue();
        Record(by, ActionName(ServiceRequestAction.SendToAppraisal), null, null,
            $"送{appraisal.Agency}鉴定：{appraisal.Sample}，鉴定费 {appraisal.Fee}", now);
    }

    /// <summary>
    /// 鉴定结果 (R-DSP-3): the report is attached; the fee becomes a ledger line of the party that pays it — the supplier
    /// when the product fails the standard [001], otherwise whoever the policy names.
    /// </summary>
    public void RecordAppraisalResult(Actor by, AppraisalResult result, string findings, IReadOnlyList<Guid> reportAttachmentIds, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.RecordAppraisal, by);
        var appraisal = Dispute!.Appraisal;
        if (appraisal is not { Result: null })
        {
            throw new WorkflowRuleViolation("R-DSP-3", appraisal is null ? "本争议未送第三方鉴定。" : "鉴定结果已登记。");
        }

        var reports = CheckEvidence(reportAttachmentIds, "reportAttachmentIds");
        InvalidInput.Require(reports.Count > 0, "reportAttachmentIds", "请上传并选择鉴定报告。");
        var payer = result == AppraisalResult.FailsStandard ? PartyKind.Supplier : rules.Policy.AppraisalFeePayerIfStandardMet;
        var payerId = payer == PartyKind.Supplier ? SupplierId : CustomerId;
        var resultText = result == AppraisalResult.FailsStandard ? "不符合质量标准" : "符合质量标准";
        var payerText = payer == PartyKind.Supplier ? "供应商" : "客户";
        Dispute = Dispute with
        {
            Appraisal = appraisal with
            {
                Result = result,
                Findings = InvalidInput.Text(findings, "findings", "鉴定结论", 2000),
                ReportAttachmentIds = reports,
                FeePayer = payer,
                ResultAt = now,
                ResultBy = by.Name,
            },
        };
        if (appraisal.Fee.Amount > 0)
        {
            _ledgerEntries.Add(LedgerEntry.ForAppraisalFee(Guid.CreateVersion7(now), payerId, Id, Number, appraisal.Fee,
                $"第三方鉴定费（{appraisal.Agency}，{resultText}，由{payerText}承担）", now, by.Name));
        }

        _deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Arbitration && d.IsOpen)?.Resume(now, rules.Calendar, rules.Policy.WarningPercent);
        UpdateNextDue();
        Record(by, ActionName(ServiceRequestAction.RecordAppraisal), null, null,
            $"鉴定结论：{resultText}。鉴定费 {appraisal.Fee} 由{payerText}承担（R-DSP-3）", now);
    }

    /// <summary>
    /// 平台仲裁 (R-DSP-2): responsibility, outcome, cost allocation and reasoning, issued as 《售后责任判定意见书》. The
    /// judgement follows the ruling, the request moves on at once, and the parties' objection window opens.
    /// </summary>
    public void Arbitrate(Actor by, RulingTerms terms, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.Arbitrate, by);
        if (Dispute!.AppraisalPending)
        {
            throw new WorkflowRuleViolation("R-DSP-3", "第三方鉴定结果尚未登记，不能裁决。");
        }

        var ruling = BuildRuling(terms, now, by);
        Dispute = Dispute with { Ruling = ruling };
        ApplyRuling(ruling);
        MoveTo(ServiceRequestAction.Arbitrate, ruling.ResultingStatus, by, $"《售后责任判定意见书》{ruling.LetterNumber}：{ruling.Decision}", now, rules);
        OpenObjectionWindow(now, rules);
    }

    /// <summary>
    /// 对判定意见书提出异议 (R-DSP-2): the customer or the supplier, within the window; it goes to a senior operator.
    /// </summary>
    public void ObjectToRuling(Actor by, string reason, DateTimeOffset now)
    {
        EnsureAllowed(ServiceRequestAction.ObjectRuling, by);
        LapseWindows(now);
        var dispute = Dispute;
        if (dispute?.Ruling is null)
        {
            throw new TransitionRefused(ActionName(ServiceRequestAction.ObjectRuling), Status.ToString(), "平台尚未出具判定意见书，无可异议的判定。");
        }

        if (dispute.Review is not null)
        {
            throw new WorkflowRuleViolation("R-DSP-2", "判定意见书已经上级复核，不能再提出异议。");
        }

        if (dispute.RulingDeemedAcceptedAt is { } accepted)
        {
            throw new WorkflowRuleViolation("R-DSP-2", $"异议期已于 {ServiceZone.ToLocal(accepted):yyyy-MM-dd HH:mm} 结束，判定意见书已视为认可。");
        }

        var party = by.Party!.Value;
        if (dispute.Objections.Any(o => o.Party == party))
        {
            throw new WorkflowRuleViolation("R-DSP-2", "贵方已对该判定意见书提出异议，正在等待上级复核。");
        }

        var text = InvalidInput.Text(reason, "reason", "异议理由", 4000);
        Dispute = dispute with { Objections = [.. dispute.Objections, new RulingObjection(party, text, now, by.Name)] };

        // The window has done its work: an objection is on record, so nothing is deemed accepted.
        _deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.RulingObjection && d.IsOpen)?.Close(now);
        UpdateNextDue();
        Record(by, ActionName(ServiceRequestAction.ObjectRuling), null, null, $"{PartyName(party)}对判定意见书提出异议，已提交上级复核：{text}", now);
    }

    /// <summary>
    /// 上级复核 (R-DSP-2): a senior operator upholds the ruling, or amends it. An amendment may change the outcome only
    /// while the request still stands where the ruling put it (no service started since).
    /// </summary>
    public void ReviewRuling(Actor by, RulingReviewDecision decision, string note, RulingTerms? amended, DateTimeOffset now, ServiceRules rules)
    {
        EnsureAllowed(ServiceRequestAction.ReviewRuling, by);
        var dispute = Dispute;
        if (dispute is not { Ruling: { } current, AwaitingReview: true })
        {
            throw new TransitionRefused(ActionName(ServiceRequestAction.ReviewRuling), Status.ToString(), "没有待复核的异议。");
        }

        var text = InvalidInput.Text(note, "note", "复核意见", 4000);
        var review = new RulingReview(decision, text, now, by.Name);
        if (decision == RulingReviewDecision.Uphold)
        {
            Dispute = dispute with { Review = review };
            Record(by, ActionName(ServiceRequestAction.ReviewRuling), null, null, $"上级复核维持原判定意见书 {current.LetterNumber}：{text}", now);
            return;
        }

        InvalidInput.Require(amended is not null, "ruling", "改判时请填写新的判定内容。");
        var ruling = BuildRuling(amended!, now, by);
        if (ruling.ResultingStatus != Status && Status != current.ResultingStatus)
        {
            throw new WorkflowRuleViolation("R-DSP-2",
                $"售后单已进入「{StatusNames.Chinese(Status)}」，不能再改变处理结果；请维持原判定，或只调整责任与费用分担。");
        }

        Dispute = dispute with { Ruling = ruling, Review = review, SupersededRulings = [.. dispute.SupersededRulings, current] };
        ApplyRuling(ruling);
        var note2 = $"上级复核改判，新判定意见书 {ruling.LetterNumber}：{ruling.Decision}。复核意见：{text}";
        if (ruling.ResultingStatus == Status)
        {
            Record(by, ActionName(ServiceRequestAction.ReviewRuling), null, null, note2, now);
        }
        else
        {
            if (ClosedAt is not null && !ServiceRequestWorkflow.IsTerminal(ruling.ResultingStatus))
            {
                ClosedAt = null;
            }

            // The ruling steps stand outside the transition table (RulingSteps); the rule for this move is the one above.
            Enter(ServiceRequestAction.ReviewRuling, ruling.ResultingStatus, by, note2, now, rules);
        }
    }

    /// <summary>
    /// Windows that ended with nobody acting: the judgement, or the ruling, is deemed accepted (R-DSP-2). Runs before any
    /// other deadline work, so a window is never mistaken for a breach. Returns how many ended.
    /// </summary>
    private int LapseWindows(DateTimeOffset now)
    {
        var lapsed = 0;
        foreach (var window in _deadlines.Where(d => d.IsOpen && !d.IsPaused && now > d.DueAt && DeadlineCatalog.For(d.Kind).IsWindow).ToList())
        {
            window.Lapse();
            lapsed++;
            if (window.Kind == DeadlineKind.DisputeWindow)
            {
                JudgementDeemedAcceptedAt = window.DueAt;
                var what = Judgement?.Quote is null ? "责任判定" : "责任判定及报价";
                Record(Actor.System, "deemedAccepted", null, null,
                    $"客户在异议期（{window.Target.ToChinese()}）内未提出异议，{what}视为认可（R-DSP-2）。", now);
            }
            else if (Dispute?.Ruling is { } ruling)
            {
                Dispute = Dispute with { RulingDeemedAcceptedAt = window.DueAt };
                Record(Actor.System, "deemedAccepted", null, null,
                    $"双方在异议期（{window.Target.ToChinese()}）内未对《售后责任判定意见书》{ruling.LetterNumber} 提出异议，视为认可（R-DSP-2）。", now);
            }
        }

        if (lapsed > 0)
        {
            UpdateNextDue();
        }

        return lapsed;
    }

    /// <summary>Whether the dispute is at the step <paramref name="action"/> belongs to (the action bar shows only those).</summary>
    private bool DisputeStepOpen(ServiceRequestAction action, Actor actor) => action switch
    {
        ServiceRequestAction.Dispute => Dispute is null && JudgementDeemedAcceptedAt is null,
        ServiceRequestAction.AnswerDispute => Dispute is { Answer: null },
        ServiceRequestAction.SendToAppraisal => Dispute is { Appraisal: null, Ruling: null },
        ServiceRequestAction.RecordAppraisal => Dispute is { AppraisalPending: true },
        ServiceRequestAction.Arbitrate => Dispute is { AppraisalPending: false },
        ServiceRequestAction.ObjectRuling => Dispute is { Ruling: not null, Review: null, RulingDeemedAcceptedAt: null } open
            && open.Objections.All(o => o.Party != actor.Party),
        ServiceRequestAction.ReviewRuling => Dispute is { AwaitingReview: true },
        _ => true,
    };

    private void OpenObjectionWindow(DateTimeOffset now, ServiceRules rules)
    {
        var spec = DeadlineCatalog.For(DeadlineKind.RulingObjection);
        if (spec.TargetFor(this, rules.Policy) is { } target)
        {
            Open(spec, target, now, rules);
            UpdateNextDue();
        }
    }

    private ArbitrationRuling BuildRuling(RulingTerms terms, DateTimeOffset now, Actor by)
    {
        InvalidInput.Require(terms.SupplierPercent is >= 0 and <= 100, "costs.supplierPercent", "供应商承担比例须在 0–100 之间。");
        var decision = InvalidInput.Text(terms.Decision, "decision", "判定结论", 2000);
        var reasoning = InvalidInput.Text(terms.Reasoning, "reasoning", "判定理由", 8000);
        var costNote = InvalidInput.OptionalText(terms.CostNote, "costs.note", "费用分担说明", 1000);
        Quote? quote = null;
        if (terms.Outcome == ArbitrationOutcome.PaidService)
        {
            quote = terms.AdjustedQuote is { Lines.Count: > 0 } adjusted ? adjusted : Dispute?.DisputedQuote ?? Judgement?.Quote;
            InvalidInput.Require(quote is { Lines.Count: > 0 }, "adjustedQuote.lines", "原判定没有报价，判为付费服务时请填写报价。");
            ValidateQuote(quote!);
        }
        else
        {
            InvalidInput.Require(terms.AdjustedQuote is null || terms.AdjustedQuote.Lines.Count == 0, "adjustedQuote", "只有判为付费服务时才能附报价。");
        }

        var resulting = terms.Outcome switch
        {
            ArbitrationOutcome.WarrantyService => ServiceRequestStatus.Planned,
            ArbitrationOutcome.PaidService => ServiceRequestStatus.QuotePending,
            _ => ServiceRequestStatus.Closed,
        };
        var letter = $"{Number}-PD{(Dispute?.SupersededRulings.Count ?? 0) + (Dispute?.Ruling is null ? 1 : 2)}";
        return new ArbitrationRuling(letter, terms.Responsibility, terms.Outcome, decision, reasoning,
            new CostAllocation(terms.SupplierPercent, costNote), quote, resulting, now, by.Name);
    }

    /// <summary>The judgement follows the ruling, so quotes, invoices and warranty read one answer.</summary>
    private void ApplyRuling(ArbitrationRuling ruling)
    {
        if (Judgement is null || ruling.Outcome == ArbitrationOutcome.Other)
        {
            Judgement = Judgement is null ? null : Judgement with { Responsibility = ruling.Responsibility };
            return;
        }

        var paid = ruling.Outcome == ArbitrationOutcome.PaidService;
        Judgement = Judgement with
        {
            Responsibility = ruling.Responsibility,
            Outcome = paid ? JudgementOutcome.Paid : JudgementOutcome.InWarranty,
            Quote = paid ? ruling.AdjustedQuote : null,
        };

        // A paid ruling needs the customer's own electronic confirmation of the quote it names (R-QUO-1).
        QuoteDecision = null;
    }

    private List<Guid> CheckEvidence(IReadOnlyList<Guid> ids, string field)
    {
        var unknown = ids.Where(id => _attachments.All(a => a.Id != id)).ToList();
        InvalidInput.Require(unknown.Count == 0, field, "佐证材料必须是本售后单已上传的附件。");
        return [.. ids.Distinct()];
    }

    private static string PartyName(PartyKind party) => party switch
    {
        PartyKind.Customer => "客户",
        PartyKind.Supplier => "供应商",
        PartyKind.Dealer => "经销商",
        _ => "平台",
    };
}

/// <summary>What an operator rules (R-DSP-2); the domain checks it and turns it into an <see cref="ArbitrationRuling"/>.</summary>
public sealed record RulingTerms(
    Responsibility Responsibility,
    ArbitrationOutcome Outcome,
    string Decision,
    string Reasoning,
    int SupplierPercent,
    string? CostNote,
    Quote? AdjustedQuote);
