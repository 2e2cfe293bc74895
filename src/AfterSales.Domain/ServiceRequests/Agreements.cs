using AfterSales.Domain.Common;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// Where a decision came from (R-QUO-1 "confirms electronically", R-X-4): the channel (web portal or API), the client
/// address, its user agent and the session (circuit or token) it was made in.
/// </summary>
public sealed record ClientSession(string Channel, string? IpAddress, string? UserAgent, string? SessionId);

/// <summary>
/// 服务协议 (R-QUO-3): paid work above the policy threshold starts only on a signed agreement — scope, acceptance criteria,
/// payment terms and the signed copy — recorded by the supplier and confirmed by the customer.
/// </summary>
public sealed record ServiceAgreement(
    string Scope,
    string AcceptanceCriteria,
    string PaymentTerms,
    DateOnly SignedOn,
    Guid AttachmentId,
    string AttachmentName,
    Money.Money QuoteTotal,
    DateTimeOffset RecordedAt,
    string RecordedBy)
{
    public DateTimeOffset? ConfirmedAt { get; init; }

    public string? ConfirmedBy { get; init; }

    public ClientSession? ConfirmedSession { get; init; }

    public bool IsConfirmed => ConfirmedAt is not null;
}

/// <summary>远程会话授权 (R-SEC-1): the customer's consent to remote access, for a window, with what may be accessed.</summary>
public sealed record RemoteSessionAuthorization(string Scope, DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset At, string By, ClientSession? Session)
{
    public bool CoversInstant(DateTimeOffset instant) => (From is null || instant >= From) && (To is null || instant <= To);
}

/// <summary>
/// 数据保密协议 (R-SEC-1): kept once per customer–supplier pair and reused by every request between them; recorded from a
/// request with the signed copy uploaded there.
/// </summary>
public sealed class ConfidentialityAgreement
{
    private ConfidentialityAgreement()
    {
        Reference = string.Empty;
        RecordedBy = string.Empty;
        AttachmentName = string.Empty;
    }

    public ConfidentialityAgreement(Guid id, Guid customerId, Guid supplierId, string reference, DateOnly signedOn, DateOnly? validTo,
        Guid serviceRequestId, Guid attachmentId, string attachmentName, DateTimeOffset recordedAt, string recordedBy)
    {
        Id = id;
        CustomerId = customerId;
        SupplierId = supplierId;
        Reference = reference;
        SignedOn = signedOn;
        ValidTo = validTo;
        ServiceRequestId = serviceRequestId;
        AttachmentId = attachmentId;
        AttachmentName = attachmentName;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SupplierId { get; private set; }

    /// <summary>协议编号.</summary>
    public string Reference { get; private set; }

    public DateOnly SignedOn { get; private set; }

    /// <summary>Last day in force; null = until revoked.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>The request the signed copy was uploaded to.</summary>
    public Guid ServiceRequestId { get; private set; }

    public Guid AttachmentId { get; private set; }

    public string AttachmentName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public bool IsInForceOn(DateOnly date) => date >= SignedOn && (ValidTo is null || date <= ValidTo);

    /// <summary>续签: an expired agreement of the pair is replaced in place by the newly signed one.</summary>
    public void Renew(string reference, DateOnly signedOn, DateOnly? validTo, Guid serviceRequestId, Guid attachmentId, string attachmentName, DateTimeOffset now, string by)
    {
        Reference = reference;
        SignedOn = signedOn;
        ValidTo = validTo;
        ServiceRequestId = serviceRequestId;
        AttachmentId = attachmentId;
        AttachmentName = attachmentName;
        RecordedAt = now;
        RecordedBy = by;
    }

    public string Describe() =>
        $"数据保密协议 {Reference}（签订于 {SignedOn:yyyy-MM-dd}，{(ValidTo is { } to ? $"有效至 {to:yyyy-MM-dd}" : "长期有效")}）";
}

/// <summary>What start of service still waits for (R-QUO-3, R-SEC-1), each with its rule: shown on the request, checked at start.</summary>
public sealed record StartBlocker(string RuleId, string Message);

/// <summary>Threshold arithmetic of R-QUO-3 on its own, so tests can pin 50,000.00 against 50,000.01.</summary>
public static class AgreementThreshold
{
    /// <summary>Strictly above the policy's figure needs an agreement; at the figure it does not ([000] "超过").</summary>
    public static bool Requires(Money.Money quoteTotal, decimal? thresholdCny) =>
        thresholdCny is { } threshold && Money.Money.Round(quoteTotal.Amount) > threshold;

    public static string Describe(decimal threshold) => $"CNY {threshold:#,##0.00}";
}

/// <summary>Input cleaning shared by the agreement verbs.</summary>
internal static class AgreementInput
{
    public static DateOnly SignedOn(DateOnly? signedOn, DateTimeOffset now, string field)
    {
        var date = signedOn ?? ServiceZone.DateOf(now);
        InvalidInput.Require(date <= ServiceZone.DateOf(now), field, "签订日期不能晚于今天。");
        return date;
    }
}
