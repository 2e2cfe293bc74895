using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Disputes;

/// <summary>Where a dispute stands (R-DSP-1..3), as the queue shows it.</summary>
public enum DisputeStage
{
    /// <summary>待供应商答辩</summary>
    AwaitingAnswer,

    /// <summary>待平台裁决</summary>
    AwaitingRuling,

    /// <summary>第三方鉴定中</summary>
    InAppraisal,

    /// <summary>已裁决，异议期内</summary>
    Ruled,

    /// <summary>有异议，待上级复核</summary>
    AwaitingReview,

    /// <summary>已结案（认可、视为认可或复核完毕）</summary>
    Settled,
}

public sealed record DisputeSummary(
    Guid RequestId,
    string Number,
    ServiceRequestStatus Status,
    string StatusLabel,
    string CustomerName,
    string SupplierName,
    DisputeStage Stage,
    string Reason,
    DateTimeOffset RaisedAt,
    DateTimeOffset? DueAt,
    string? LetterNumber);

/// <summary>The dispute queue: every disputed request the caller is party to (the platform sees all), most urgent first.</summary>
public sealed class DisputeQueries(AppDbContext db)
{
    /// <summary>Disputes are rare next to requests; the queue shows the most recent ones in full.</summary>
    public const int MaxRows = 500;

    public async Task<IReadOnlyList<DisputeSummary>> ListAsync(DisputeStage? stage, CancellationToken cancellationToken)
    {
        var requests = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.Dispute != null)
            .OrderByDescending(r => r.UpdatedAt)
            .Take(MaxRows)
            .Include(r => r.Deadlines)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var orgIds = requests.SelectMany(r => new[] { r.CustomerId, r.SupplierId }).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. requests
            .Select(r => Summarise(r, names))
            .Where(s => stage is null || s.Stage == stage)
            .OrderBy(s => s.Stage == DisputeStage.Settled)
            .ThenBy(s => s.DueAt ?? DateTimeOffset.MaxValue)];
    }

    public static DisputeStage StageOf(DisputeCase dispute) => dispute switch
    {
        { AwaitingReview: true } => DisputeStage.AwaitingReview,
        { Ruling: not null, Review: null, RulingDeemedAcceptedAt: null } => DisputeStage.Ruled,
        { Ruling: not null } => DisputeStage.Settled,
        { AppraisalPending: true } => DisputeStage.InAppraisal,
        { Answer: null } => DisputeStage.AwaitingAnswer,
        _ => DisputeStage.AwaitingRuling,
    };

    private static DisputeSummary Summarise(ServiceRequest request, Dictionary<Guid, string> names)
    {
        var dispute = request.Dispute!;
        var stage = StageOf(dispute);
        var due = request.Deadlines
            .Where(d => d.IsOpen && d.Kind is DeadlineKind.Arbitration or DeadlineKind.RulingObjection)
            .Select(d => (DateTimeOffset?)d.DueAt)
            .Min();
        return new DisputeSummary(request.Id, request.Number, request.Status, StatusNames.Chinese(request.Status),
            names.GetValueOrDefault(request.CustomerId, string.Empty), names.GetValueOrDefault(request.SupplierId, string.Empty),
            stage, dispute.Claim.Text, dispute.Claim.At, due, dispute.Ruling?.LetterNumber);
    }
}
