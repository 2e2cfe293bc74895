using AfterSales.Data;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.Warranty;

/// <summary>
/// R-WTY-2: when the customer accepts the work, every part the service record names is recorded on the asset with
/// its own term under the request's policy — in the same save as the acceptance, so one does not exist without the other.
/// </summary>
public static class AssetPartRecorder
{
    public static void Record(AppDbContext db, ServiceRequest request, ServiceRules rules, DateTimeOffset now)
    {
        if (request.AssetId is not { } assetId || request.ServiceRecord is not { } record)
        {
            return;
        }

        var servicedOn = ServiceZone.DateOf(now);
        foreach (var part in record.PartsUsed)
        {
            db.AssetParts.Add(new AssetPart(Guid.CreateVersion7(now), assetId, part.Name, part.PartNumber, part.Quantity, servicedOn,
                rules.Policy.Warranty, request.Id, request.Number));
        }
    }
}
