using AfterSales.Domain.Common;
using AfterSales.Domain.Policies;
using AfterSales.Domain.Warranty;

namespace AfterSales.Domain.Assets;

/// <summary>
/// 设备配件: a part replaced or repaired on an asset under a service request, with its own warranty (R-WTY-2): from the
/// day the customer accepted the work, for the policy's repaired-part term (3 months in [000]).
/// </summary>
public sealed class AssetPart
{
    private AssetPart()
    {
        Name = string.Empty;
        RequestNumber = string.Empty;
    }

    public AssetPart(Guid id, Guid assetId, string name, string? partNumber, int quantity, DateOnly servicedOn, WarrantyTerms terms, Guid serviceRequestId, string requestNumber)
    {
        InvalidInput.Require(quantity > 0, "quantity", "配件数量必须大于 0。");
        Id = id;
        AssetId = assetId;
        Name = InvalidInput.Text(name, "name", "配件名称", 200);
        PartNumber = InvalidInput.OptionalText(partNumber, "partNumber", "配件编号", 100);
        Quantity = quantity;
        ServicedOn = servicedOn;
        TermMonths = terms.RepairedPartMonths;
        WarrantyEnd = WarrantyRules.PartEnd(servicedOn, terms);
        ServiceRequestId = serviceRequestId;
        RequestNumber = requestNumber;
    }

    public Guid Id { get; private set; }

    public Guid AssetId { get; private set; }

    public string Name { get; private set; }

    public string? PartNumber { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>更换/维修日期: the day the customer accepted the work.</summary>
    public DateOnly ServicedOn { get; private set; }

    public int TermMonths { get; private set; }

    /// <summary>The part's own last day of warranty (R-WTY-2).</summary>
    public DateOnly WarrantyEnd { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public string RequestNumber { get; private set; }

    public PartFact ToFact() => new(Name, PartNumber, ServicedOn, WarrantyEnd, RequestNumber);
}
