using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Ratings;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Ratings;

/// <summary>
/// The platform's rating actions (R-RAT-1): run the monthly rating for a month on demand, and override a grade with a
/// reason. Both need ratings.manage (platform operator, platform admin); both are in the audit trail.
/// </summary>
public sealed class RatingActions(AppDbContext db, CallerContext callers, MonthlyRating job, TimeProvider clock)
{
    /// <param name="Grade">A, B, C or D.</param>
    /// <param name="Reason">Why the platform changes the computed grade (required, up to 500 characters).</param>
    public sealed record OverrideCommand(RatingGrade? Grade, string? Reason);

    /// <summary>Rates every supplier not yet rated for the month; a month already rated is left as it was.</summary>
    public async Task<int> RunAsync(string? month, CancellationToken cancellationToken)
    {
        var caller = RequireManager("run");
        InvalidInput.Require(!string.IsNullOrWhiteSpace(month), "month", "请指定评级月份（yyyy-MM）。");
        return await job.RunAsync(RatingMonth.Parse(month), (caller.UserId, caller.DisplayName), cancellationToken);
    }

    public async Task<Guid> OverrideAsync(Guid id, OverrideCommand command, CancellationToken cancellationToken)
    {
        var caller = RequireManager("override");
        var rating = await db.SupplierRatings.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFound("评级");
        rating.Override(caller.ToActor(), command.Grade, command.Reason, RatingScheme.Default, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return rating.Id;
    }

    private Caller RequireManager(string action)
    {
        var caller = callers.Required;
        if (caller.Party != PartyKind.Platform || !caller.Has(Permissions.RatingsManage))
        {
            throw new ActionNotPermitted(action, "只有平台运营或平台管理员可以执行月度评级或调整评级。");
        }

        return caller;
    }
}
