using AfterSales.Data;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ServiceRequests.Pages.Console;

/// <summary>A stage of the supplier/dealer work queue: a tab that groups the open statuses handled alike.</summary>
public sealed record QueueStage(string Key, IReadOnlyList<ServiceRequestStatus> Statuses);

/// <summary>The stages of the work queue and how many open requests of the caller's organisation sit in each.</summary>
public sealed class WorkQueueQueries(AppDbContext db)
{
    /// <summary>Every open status is in exactly one stage, so the stage counts add up to the whole queue.</summary>
    public static IReadOnlyList<QueueStage> Stages { get; } =
    [
        new("intake", [ServiceRequestStatus.Submitted, ServiceRequestStatus.NeedsInfo, ServiceRequestStatus.PendingReceipt]),
        new("assessment", [ServiceRequestStatus.UnderAssessment, ServiceRequestStatus.Verifying, ServiceRequestStatus.QuotePending, ServiceRequestStatus.InArbitration]),
        new("planned", [ServiceRequestStatus.Planned]),
        new("inService", [ServiceRequestStatus.InService]),
        new("acceptance", [ServiceRequestStatus.PendingAcceptance]),
        new("reservice", [ServiceRequestStatus.Reservice]),
        new("archive", [ServiceRequestStatus.Accepted, ServiceRequestStatus.Revisited]),
    ];

    /// <summary>Open requests per status, scoped to the caller's organisation by the query filter (R-ROLE-1).</summary>
    public async Task<IReadOnlyDictionary<ServiceRequestStatus, int>> OpenCountsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.Status != ServiceRequestStatus.Closed && r.Status != ServiceRequestStatus.Cancelled)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }
}
