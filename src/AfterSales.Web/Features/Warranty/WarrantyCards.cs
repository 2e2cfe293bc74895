using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

/// <summary>
/// 登记三包回执卡 (R-WTY-3): the dealer that sold the asset registers the returned card. Another organisation's asset
/// is 404; a party that can see it but is not its dealer is 403; a second registration is 422. The asset's audit
/// entry records who and when.
/// </summary>
public sealed class RegisterWarrantyCard(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record Command(DateOnly? RegisteredOn = null);

    public async Task<string> HandleAsync(string serial, Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Serial == serial.Trim(), cancellationToken) ?? throw new NotFound("设备");
        if (caller.Party != PartyKind.Dealer)
        {
            throw new ActionNotPermitted("registerWarrantyCard", "只有销售该设备的经销商可以登记三包回执卡。");
        }

        asset.RegisterDealerCard(caller.OrganizationId, command.RegisteredOn, ServiceZone.DateOf(clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return asset.Serial;
    }
}

/// <summary>交付质保卡 (R-WTY-7): the asset's supplier records the day the customer received the warranty card.</summary>
public sealed class IssueCustomerWarrantyCard(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    public sealed record Command(DateOnly? IssuedOn = null);

    public async Task<string> HandleAsync(string serial, Command command, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Serial == serial.Trim(), cancellationToken) ?? throw new NotFound("设备");
        var allowed = caller.Has(Permissions.AssetsManage) &&
            (caller.Party == PartyKind.Platform || (caller.Party == PartyKind.Supplier && asset.SupplierId == caller.OrganizationId));
        if (!allowed)
        {
            throw new ActionNotPermitted("issueCustomerWarrantyCard", "只有设备的供应商可以登记质保卡交付。");
        }

        asset.IssueCustomerCard(command.IssuedOn, ServiceZone.DateOf(clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return asset.Serial;
    }
}
