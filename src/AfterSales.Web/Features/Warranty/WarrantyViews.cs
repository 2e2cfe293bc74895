using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;

namespace AfterSales.Web.Features.Warranty;

/// <summary>An asset's warranty page: the decision with its basis, the cards and the parts with their own terms (R-WTY-1..7).</summary>
public sealed record AssetWarrantyDetail(
    string Serial,
    string Model,
    string ProductName,
    string Category,
    Guid? DealerId,
    DateOnly? SoldOn,
    DateOnly? WarrantyCardRegisteredOn,
    DateOnly? CustomerCardIssuedOn,
    bool CardRequired,
    WarrantyDecision Decision,
    IReadOnlyList<AssetPartView> Parts);

/// <summary>A part replaced or repaired under service, with its own term (R-WTY-2).</summary>
public sealed record AssetPartView(Guid Id, string Name, string? PartNumber, int Quantity, DateOnly ServicedOn, int TermMonths, DateOnly WarrantyEnd, bool Covered, Guid ServiceRequestId, string RequestNumber);

/// <summary>A request's warranty: the decision on the fault's day and, once judged, what the judgement cited (R-JDG-2).</summary>
public sealed record RequestWarrantyView(Guid Id, string Number, string? AssetSerial, DateOnly FaultDate, WarrantyDecision? Decision, WarrantyDecision? AtIntake, JudgementBasis? Judgement);

/// <summary>An exclusion as <c>GET /warranty/exclusions</c> lists it.</summary>
public sealed record WarrantyExclusionView(string Code, string Rule, string LabelZh, string LabelEn, string Sources)
{
    public static WarrantyExclusionView Of(WarrantyExclusionInfo info) =>
        new(char.ToLowerInvariant(info.Code.ToString()[0]) + info.Code.ToString()[1..], info.Rule, info.LabelZh, info.LabelEn, info.Sources);
}
