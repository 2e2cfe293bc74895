using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.CustomerSanctions;

/// <summary>What a ruling does to the customer organisation's request rights (R-FRD-1).</summary>
public enum CustomerSanctionKind
{
    /// <summary>暂停售后申请权限 for <see cref="CustomerSanction.SuspensionMonths"/> months.</summary>
    Suspension,

    /// <summary>纳入平台黑名单: no end date; only a platform admin's revocation lifts it.</summary>
    Blacklist,
}

/// <summary>Why the ruling led to its kind (R-FRD-1: first case → suspension; repeat or serious → blacklist).</summary>
public enum CustomerSanctionBasis
{
    FirstCase,
    RepeatCase,
    SeriousCase,
}

/// <summary>Where a sanction stands at an instant.</summary>
public enum CustomerSanctionState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>The claim being ruled: the request, its customer organisation and the attachments evidence may be chosen from.</summary>
public sealed record FraudulentClaim(Guid ServiceRequestId, string ServiceRequestNumber, Guid CustomerOrganizationId, string CustomerName, IReadOnlyCollection<Guid> AttachmentIds);

/// <summary>
/// 客户处罚 (R-FRD-1, seed 000 §五.1): 客户虚假售后——如伪造质量问题骗取免费服务，平台将暂停客户 3 个月售后申请权限，
/// 情节严重的纳入平台黑名单. A platform operator rules a request a fake quality claim (虚假质量索赔) with a reason and
/// evidence from the request's attachments; the customer organisation then may not file requests until the end date
/// (Asia/Shanghai), or at all when blacklisted. A second proven case, or an operator's explicit "serious" decision,
/// blacklists. A ruling is never deleted: a platform admin reverses it with a reason, and the record keeps both.
/// </summary>
public sealed class CustomerSanction
{
    /// <summary>R-FRD-1: 暂停客户 3 个月售后申请权限 — a platform rule (seed 000), the same for every supplier's policy.</summary>
    public const int SuspensionMonths = 3;

    public const string RuleId = "R-FRD-1";

    private CustomerSanction()
    {
        CustomerName = string.Empty;
        ServiceRequestNumber = string.Empty;
        Reason = string.Empty;
        RuledBy = string.Empty;
        EvidenceAttachmentIds = [];
    }

    public Guid Id { get; private set; }

    /// <summary>The sanctioned customer organisation: it and the platform see the record.</summary>
    public Guid CustomerOrganizationId { get; private set; }

    public string CustomerName { get; private set; }

    public CustomerSanctionKind Kind { get; private set; }

    public CustomerSanctionBasis Basis { get; private set; }

    /// <summary>The request ruled a fake quality claim.</summary>
    public Guid ServiceRequestId { get; private set; }

    public string ServiceRequestNumber { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The request's attachments the ruling rests on (at least one).</summary>
    public IReadOnlyList<Guid> EvidenceAttachmentIds { get; private set; }

    public DateTimeOffset RuledAt { get; private set; }

    public Guid? RuledByUserId { get; private set; }

    public string RuledBy { get; private set; }

    /// <summary>The date of the ruling in Asia/Shanghai: the first day without request rights.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The date request rights are restored (Asia/Shanghai); none for a blacklisting.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>Midnight of <see cref="EndsOn"/> in Asia/Shanghai, so "active now" is one comparison in SQL.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public string? RevocationReason { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (EndsAt is null || now < EndsAt);

    public CustomerSanctionState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? CustomerSanctionState.Revoked : IsActiveAt(now) ? CustomerSanctionState.Active : CustomerSanctionState.Expired;

    /// <summary>
    /// The date request rights come back for a ruling on <paramref name="ruledOn"/>: the same day three months on
    /// (e.g. 2026-11-23 → 2027-02-23), or the month's last day when it has no such day (2026-11-30 → 2027-02-28).
    /// </summary>
    public static DateOnly RestoredOn(DateOnly ruledOn) => ruledOn.AddMonths(SuspensionMonths);

    /// <summary>
    /// 判定虚假质量索赔: only the platform (sanctions.rule). <paramref name="priorProvenCases"/> counts the organisation's earlier
    /// rulings that were not revoked (expired ones included): one or more makes this a repeat case, which blacklists, as
    /// does <paramref name="serious"/>.
    /// </summary>
    public static CustomerSanction Rule(
        Guid id,
        Actor by,
        FraudulentClaim claim,
        string? reason,
        IReadOnlyList<Guid>? evidenceAttachmentIds,
        bool serious,
        int priorProvenCases,
        DateTimeOffset now)
    {
        if (by.Party != PartyKind.Platform || !by.Has(Permissions.CustomerSanctionsRule))
        {
            throw new ActionNotPermitted("ruleFraudulent", "只有平台运营可以判定虚假索赔。");
        }

        var text = InvalidInput.Text(reason, "reason", "判定理由", 1000);
        var evidence = (evidenceAttachmentIds ?? []).Distinct().ToList();
        InvalidInput.Require(evidence.Count > 0, "evidenceAttachmentIds", "请至少选择一个附件作为证据。");
        InvalidInput.Require(evidence.All(claim.AttachmentIds.Contains), "evidenceAttachmentIds", $"证据须是售后单 {claim.ServiceRequestNumber} 的附件。");

        var basis = priorProvenCases > 0 ? CustomerSanctionBasis.RepeatCase : serious ? CustomerSanctionBasis.SeriousCase : CustomerSanctionBasis.FirstCase;
        var kind = basis == CustomerSanctionBasis.FirstCase ? CustomerSanctionKind.Suspension : CustomerSanctionKind.Blacklist;
        var startsOn = ServiceZone.DateOf(now);
        DateOnly? endsOn = kind == CustomerSanctionKind.Suspension ? RestoredOn(startsOn) : null;
        return new CustomerSanction
        {
            Id = id,
            CustomerOrganizationId = claim.CustomerOrganizationId,
            CustomerName = claim.CustomerName,
            Kind = kind,
            Basis = basis,
            ServiceRequestId = claim.ServiceRequestId,
            ServiceRequestNumber = claim.ServiceRequestNumber,
            Reason = text,
            EvidenceAttachmentIds = evidence,
            RuledAt = now,
            RuledByUserId = by.UserId,
            RuledBy = by.Name,
            StartsOn = startsOn,
            EndsOn = endsOn,
            EndsAt = endsOn is { } end ? ServiceZone.At(end, TimeOnly.MinValue) : null,
        };
    }

    /// <summary>
    /// 撤销处罚: only a platform admin (sanctions.revoke), always with a reason. The ruling stays on record, marked revoked,
    /// and no longer counts as a proven case.
    /// </summary>
    public void Revoke(Actor by, string? reason, DateTimeOffset now)
    {
        if (by.Party != PartyKind.Platform || !by.Has(Permissions.CustomerSanctionsRevoke))
        {
            throw new ActionNotPermitted("revoke", "只有平台管理员可以撤销客户处罚或移出黑名单。");
        }

        if (RevokedAt is not null)
        {
            throw new TransitionRefused("revoke", "revoked", $"该处罚已于 {ServiceZone.ToLocal(RevokedAt.Value):yyyy-MM-dd HH:mm} 由{RevokedBy}撤销。");
        }

        RevocationReason = InvalidInput.Text(reason, "reason", "撤销原因", 500);
        RevokedAt = now;
        RevokedBy = by.Name;
    }

    /// <summary>The refusal a new request of a sanctioned organisation gets (R-FRD-1), naming the end date.</summary>
    public WorkflowRuleViolation Refusal() => new(RuleId, RefusalText);

    /// <summary>What the customer reads, on the refusal (whose problem details carry the rule id) and on its portal's banner.</summary>
    public string RefusalText => EndsOn is { } end
        ? $"因虚假索赔，贵单位的售后申请权限暂停至 {end:yyyy-MM-dd}，届时自动恢复。"
        : "因虚假索赔情节严重，贵单位已被列入平台黑名单，不能提交售后申请。如有异议，请联系平台。";

    /// <summary>What the request's timeline says about the ruling.</summary>
    public string TimelineNote => $"判定为虚假质量索赔：{Reason}。" + (EndsOn is { } end
        ? $"{CustomerName}的售后申请权限暂停至 {end:yyyy-MM-dd}（{RuleId}）。"
        : $"{CustomerName}已列入平台黑名单（{RuleId}，{(Basis == CustomerSanctionBasis.RepeatCase ? "再次查实" : "情节严重")}）。");
}
