using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Assets;

public sealed partial class Asset
{
    /// <summary>生产高峰时段 at the asset's site, as <see cref="ProductionPeaks.ToString"/> writes it; null when none is known (R-EXE-1).</summary>
    public string? ProductionPeakHours { get; private set; }

    /// <summary>
    /// The customer who runs the asset — or the supplier serving it, told by the customer — records when its line must
    /// not be disturbed. Remote windows are then checked against it (R-EXE-1).
    /// </summary>
    public void SetProductionPeaks(Actor by, string? text)
    {
        if (!MaySetProductionPeaks(by))
        {
            throw new ActionNotPermitted("setProductionPeaks", "只有设备所属客户、服务该设备的供应商客服或平台可以设置生产高峰时段。");
        }

        ProductionPeakHours = ProductionPeaks.Parse(text)?.ToString();
    }

    public bool MaySetProductionPeaks(Actor by) => by.Party switch
    {
        PartyKind.Customer => by.OrganizationId == CustomerId,
        PartyKind.Supplier => by.OrganizationId == SupplierId && by.Has(Permissions.WorkOrdersDispatch),
        PartyKind.Platform => true,
        _ => false,
    };
}
