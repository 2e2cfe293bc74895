using AfterSales.Domain.CustomerSanctions;

namespace AfterSales.Web.Features.CustomerSanctions;

/// <summary>A request attachment a ruling rests on, with its download link.</summary>
public sealed record SanctionEvidenceView(Guid AttachmentId, string FileName, string Url);

/// <summary>
/// One customer sanction (R-FRD-1): whom, what (suspension with its end date or blacklist), why, on which request and
/// evidence, who ruled, where it stands now, and its reversal if any. <c>message</c> is what the customer reads.
/// </summary>
public sealed record CustomerSanctionView(
    Guid Id,
    Guid CustomerOrganizationId,
    string CustomerName,
    CustomerSanctionKind Kind,
    string KindLabel,
    CustomerSanctionBasis Basis,
    string BasisLabel,
    CustomerSanctionState State,
    string StateLabel,
    Guid ServiceRequestId,
    string ServiceRequestNumber,
    string Reason,
    IReadOnlyList<SanctionEvidenceView> Evidence,
    DateTimeOffset RuledAt,
    string RuledBy,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RevocationReason,
    string Message,
    bool MayRevoke)
{
    public bool Active => State == CustomerSanctionState.Active;
}

/// <summary>List filters: the customer organisation, only sanctions in force now (or only those not), the kind.</summary>
public sealed record CustomerSanctionFilter(Guid? OrganizationId, bool? Active, CustomerSanctionKind? Kind);

/// <summary>The Chinese names the API returns with each value.</summary>
public static class CustomerSanctionNames
{
    public static string Kind(CustomerSanctionKind kind) => kind switch
    {
        CustomerSanctionKind.Suspension => "暂停售后申请权限",
        _ => "平台黑名单",
    };

    public static string Basis(CustomerSanctionBasis basis) => basis switch
    {
        CustomerSanctionBasis.FirstCase => "首次查实",
        CustomerSanctionBasis.RepeatCase => "再次查实",
        _ => "情节严重",
    };

    public static string State(CustomerSanctionState state) => state switch
    {
        CustomerSanctionState.Active => "生效中",
        CustomerSanctionState.Expired => "已到期",
        _ => "已撤销",
    };
}
