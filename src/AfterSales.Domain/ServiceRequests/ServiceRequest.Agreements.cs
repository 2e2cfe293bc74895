using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// Agreements a request needs before work starts: the signed service agreement for paid work above the policy threshold
/// (R-QUO-3) and, for remote access to the customer's systems or data, the pair's confidentiality agreement and the
/// customer's authorisation of the session (R-SEC-1).
/// </summary>
public sealed partial class ServiceRequest
{
    private static readonly ServiceRequestStatus[] AgreementStates =
        [ServiceRequestStatus.UnderAssessment, ServiceRequestStatus.Verifying, ServiceRequestStatus.QuotePending, ServiceRequestStatus.Planned];

    /// <summary>服务协议 (R-QUO-3), once recorded.</summary>
    public ServiceAgreement? ServiceAgreement { get; private set; }

    /// <summary>远程会话授权 (R-SEC-1), once the customer gave it.</summary>
    public RemoteSessionAuthorization? RemoteAuthorization { get; private set; }

    /// <summary>Remote service works on the customer's systems or data (R-SEC-1).</summary>
    public bool IsRemoteService => ServiceMode == ServiceMode.Remote;

    /// <summary>R-QUO-3: a paid quote strictly above the policy's threshold needs a signed service agreement.</summary>
    public bool NeedsServiceAgreement(PolicyFigures policy) =>
        Judgement is { Outcome: JudgementOutcome.Paid, Quote: { } quote } && AgreementThreshold.Requires(quote.Total, policy.AgreementThresholdCny);

    /// <summary>What still stands between this request and the start of service (empty = nothing), each naming its rule.</summary>
    public IReadOnlyList<StartBlocker> StartBlockers(PolicyFigures policy, ConfidentialityAgreement? confidentiality, DateTimeOffset now)
    {
        var blockers = new List<StartBlocker>();
        if (NeedsServiceAgreement(policy))
        {
            var threshold = AgreementThreshold.Describe(policy.AgreementThresholdCny!.Value);
            if (ServiceAgreement is null)
            {
                blockers.Add(new StartBlocker("R-QUO-3", $"报价合计 {Judgement!.Quote!.Total} 超过 {threshold}，须先上传并登记双方签署的服务协议（范围、验收标准、付款条件）。"));
            }
            else if (!ServiceAgreement.IsConfirmed)
            {
                blockers.Add(new StartBlocker("R-QUO-3", $"报价合计 {Judgement!.Quote!.Total} 超过 {threshold}，服务协议已登记，待客户确认。"));
            }
        }

        if (IsRemoteService)
        {
            if (confidentiality is null || !confidentiality.IsInForceOn(ServiceZone.DateOf(now)))
            {
                blockers.Add(new StartBlocker("R-SEC-1", "远程服务前须登记客户与供应商之间有效的数据保密协议。"));
            }

            if (RemoteAuthorization is null)
            {
                blockers.Add(new StartBlocker("R-SEC-1", "远程服务前须由客户授权本次远程会话。"));
            }
            else if (!RemoteAuthorization.CoversInstant(now))
            {
                blockers.Add(new StartBlocker("R-SEC-1", "客户授权的远程会话时段不包含当前时间，请客户重新授权。"));
            }
        }

        return blockers;
    }

    /// <summary>
    /// 登记服务协议 (R-QUO-3): the supplier records the agreement signed by both sides, with its signed copy already
    /// uploaded to this request as an <c>agreement</c> attachment. Recording again replaces it and needs a new confirmation.
    /// </summary>
    public void RecordServiceAgreement(Actor by, Guid? attachmentId, string? scope, string? acceptanceCriteria, string? paymentTerms, DateOnly? signedOn, DateTimeOffset now)
    {
        const string action = "recordServiceAgreement";
        EnsureParty(by, Permissions.RequestsJudge, action, [PartyKind.Supplier, PartyKind.Dealer]);
        EnsureAgreementState(action, "登记服务协议");
        if (Judgement is not { Outcome: JudgementOutcome.Paid, Quote: { } quote })
        {
            throw new WorkflowRuleViolation("R-QUO-3", "只有付费服务报价单需要服务协议。");
        }

        var copy = SignedCopy(attachmentId, "attachmentId");
        var agreement = new ServiceAgreement(
            InvalidInput.Text(scope, "scope", "服务范围", 2000),
            InvalidInput.Text(acceptanceCriteria, "acceptanceCriteria", "验收标准", 2000),
            InvalidInput.Text(paymentTerms, "paymentTerms", "付款条件", 1000),
            AgreementInput.SignedOn(signedOn, now, "signedOn"),
            copy.Id,
            copy.FileName,
            quote.Total,
            now,
            by.Name);
        var replaced = ServiceAgreement is not null;
        ServiceAgreement = agreement;
        Record(by, action, null, null, $"{(replaced ? "重新登记" : "登记")}服务协议（报价合计 {quote.Total}，附件 {copy.FileName}），待客户确认", now);
    }

    /// <summary>确认服务协议 (R-QUO-3): the customer confirms the recorded agreement, from its session.</summary>
    public void ConfirmServiceAgreement(Actor by, ClientSession? session, DateTimeOffset now)
    {
        const string action = "confirmServiceAgreement";
        EnsureParty(by, Permissions.RequestsDecideQuote, action, [PartyKind.Customer]);
        EnsureAgreementState(action, "确认服务协议");
        if (ServiceAgreement is null)
        {
            throw new WorkflowRuleViolation("R-QUO-3", "供应商尚未登记服务协议。");
        }

        if (ServiceAgreement.IsConfirmed)
        {
            throw new WorkflowRuleViolation("R-QUO-3", $"服务协议已于 {ServiceZone.ToLocal(ServiceAgreement.ConfirmedAt!.Value):yyyy-MM-dd HH:mm} 确认。");
        }

        ServiceAgreement = ServiceAgreement with { ConfirmedAt = now, ConfirmedBy = by.Name, ConfirmedSession = session };
        Record(by, action, null, null, $"客户确认服务协议{SessionNote(session)}", now);
    }

    /// <summary>
    /// 登记数据保密协议 (R-SEC-1): the supplier records the pair's agreement with its signed copy uploaded to this request.
    /// One per customer–supplier pair: an agreement still in force is reused, not recorded twice; an expired one is renewed.
    /// Returns the new agreement to store, or null when <paramref name="existing"/> was renewed.
    /// </summary>
    public ConfidentialityAgreement? RecordConfidentialityAgreement(Actor by, ConfidentialityAgreement? existing, Guid? attachmentId, string? reference, DateOnly? signedOn, DateOnly? validTo, DateTimeOffset now)
    {
        const string action = "recordConfidentialityAgreement";
        EnsureParty(by, Permissions.RequestsExecute, action, [PartyKind.Supplier, PartyKind.Dealer]);
        if (ServiceRequestWorkflow.IsTerminal(Status))
        {
            throw new TransitionRefused(action, Status.ToString(), $"当前状态为「{StatusNames.Chinese(Status)}」，不能登记数据保密协议。");
        }

        var today = ServiceZone.DateOf(now);
        if (existing is not null && existing.IsInForceOn(today))
        {
            throw new WorkflowRuleViolation("R-SEC-1", $"该客户与供应商之间已有有效的{existing.Describe()}，无需重复登记。");
        }

        var copy = SignedCopy(attachmentId, "attachmentId");
        var cleanReference = InvalidInput.Text(reference, "reference", "协议编号", 100);
        var signed = AgreementInput.SignedOn(signedOn, now, "signedOn");
        InvalidInput.Require(validTo is null || validTo >= today, "validTo", "有效期须不早于今天。");
        ConfidentialityAgreement? created = null;
        if (existing is null)
        {
            created = new ConfidentialityAgreement(Guid.CreateVersion7(now), CustomerId, SupplierId, cleanReference, signed, validTo, Id, copy.Id, copy.FileName, now, by.Name);
        }
        else
        {
            existing.Renew(cleanReference, signed, validTo, Id, copy.Id, copy.FileName, now, by.Name);
        }

        var agreement = created ?? existing!;
        Record(by, action, null, null, $"{(created is null ? "续签" : "登记")}{agreement.Describe()}", now);
        return created;
    }

    /// <summary>授权远程会话 (R-SEC-1): the customer allows remote access for a window, naming what may be accessed.</summary>
    public void AuthorizeRemoteSession(Actor by, string? scope, DateTimeOffset? from, DateTimeOffset? to, ClientSession? session, DateTimeOffset now)
    {
        const string action = "authorizeRemoteSession";
        EnsureParty(by, Permissions.RequestsDecideQuote, action, [PartyKind.Customer]);
        if (ServiceRequestWorkflow.IsTerminal(Status) || Status is ServiceRequestStatus.PendingAcceptance or ServiceRequestStatus.Accepted or ServiceRequestStatus.Revisited)
        {
            throw new TransitionRefused(action, Status.ToString(), $"当前状态为「{StatusNames.Chinese(Status)}」，不能授权远程会话。");
        }

        var cleanScope = InvalidInput.Text(scope, "scope", "授权范围", 1000);
        InvalidInput.Require(from is null || to is null || to > from, "to", "授权结束时间须晚于开始时间。");
        InvalidInput.Require(to is null || to > now, "to", "授权结束时间须晚于当前时间。");
        RemoteAuthorization = new RemoteSessionAuthorization(cleanScope, from, to, now, by.Name, session);
        var window = from is null && to is null
            ? "不限时段"
            : $"{(from is { } f ? ServiceZone.ToLocal(f).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "即日")} 至 {(to is { } t ? ServiceZone.ToLocal(t).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "服务结束")}";
        Record(by, action, null, null, $"客户授权远程会话（{window}）：{cleanScope}{SessionNote(session)}", now);
    }

    /// <summary>R-QUO-3, R-SEC-1: start of service is refused with the first rule still unmet.</summary>
    private void EnsureReadyToStart(PolicyFigures policy, ConfidentialityAgreement? confidentiality, DateTimeOffset now)
    {
        var blockers = StartBlockers(policy, confidentiality, now);
        if (blockers.Count > 0)
        {
            throw new WorkflowRuleViolation(blockers[0].RuleId, string.Join(" ", blockers.Select(b => b.Message)));
        }
    }

    /// <summary>R-QUO-1: a quote past its validity date can no longer be accepted.</summary>
    private void EnsureQuoteValid(DateTimeOffset now)
    {
        if (Judgement?.Quote?.ValidUntil is { } until && ServiceZone.DateOf(now) > until)
        {
            throw new WorkflowRuleViolation("R-QUO-1", $"报价已于 {until:yyyy-MM-dd} 过期，请供应商重新报价。");
        }
    }

    private void EnsureAgreementState(string action, string label)
    {
        if (!AgreementStates.Contains(Status))
        {
            throw new TransitionRefused(action, Status.ToString(), $"当前状态为「{StatusNames.Chinese(Status)}」，不能{label}。");
        }
    }

    /// <summary>The signed copy is an <c>agreement</c> attachment already uploaded to this request.</summary>
    private Attachment SignedCopy(Guid? attachmentId, string field)
    {
        InvalidInput.Require(attachmentId is not null, field, "请先上传签署的协议文件（附件类型：协议）并选择它。");
        var copy = _attachments.FirstOrDefault(a => a.Id == attachmentId);
        InvalidInput.Require(copy is not null, field, "协议文件必须是本售后单已上传的附件。");
        InvalidInput.Require(copy!.Kind == AttachmentKind.Agreement, field, "协议文件的附件类型须为「协议」。");
        return copy;
    }

    private static string SessionNote(ClientSession? session) =>
        session is null ? string.Empty : $"（{(session.Channel == "api" ? "接口" : "网页")}{(session.IpAddress is { } ip ? $"，IP {ip}" : string.Empty)}）";
}
