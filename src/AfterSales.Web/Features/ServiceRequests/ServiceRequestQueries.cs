using AfterSales.Data;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ServiceRequests;

/// <summary>Filters and order of a request list (API query parameters and the list pages).</summary>
public sealed record ServiceRequestFilter(
    IReadOnlyList<ServiceRequestStatus>? Statuses = null,
    ServiceType? Type = null,
    Guid? SupplierId = null,
    Guid? CustomerId = null,
    string? Search = null,
    bool? Breached = null,
    bool OpenOnly = false,
    ServiceRequestSort Sort = ServiceRequestSort.Newest);

public enum ServiceRequestSort
{
    /// <summary>Newest first.</summary>
    Newest,

    /// <summary>Nearest deadline first (the supplier queue); requests without an open deadline last.</summary>
    NearestDeadline,
}

/// <summary>Read side of service requests: hand-written projections, scoped by the caller's organisation.</summary>
public sealed class ServiceRequestQueries(AppDbContext db, CallerContext callers, TimeProvider clock, ServiceRulesCatalog rules)
{
    public async Task<ServiceRequestView> GetAsync(string idOrNumber, CancellationToken cancellationToken)
    {
        var request = await ServiceRequestLookup.ById(db.ServiceRequests, idOrNumber)
            .AsNoTracking()
            .Include(r => r.Timeline)
            .Include(r => r.Attachments)
            .Include(r => r.Deadlines)
            .Include(r => r.LedgerEntries)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");

        var (policy, _) = await rules.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        return await ViewOfAsync(request, policy, cancellationToken);
    }

    /// <summary>
    /// The view of an aggregate already in memory — with its whole timeline — so a create can answer from what it
    /// just saved instead of reading it back (ARCHITECTURE §6: a create's round trips are budgeted).
    /// </summary>
    public async Task<ServiceRequestView> ViewOfAsync(ServiceRequest request, ServicePolicy policy, CancellationToken cancellationToken)
    {
        var orgIds = new[] { request.CustomerId, request.SupplierId, request.DealerId ?? Guid.Empty };
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var actor = callers.Current?.ToActor();

        var quote = request.Judgement?.Quote;
        return new ServiceRequestView(
            request.Id,
            request.Number,
            request.Status,
            StatusNames.Chinese(request.Status),
            request.Type,
            request.Channel,
            new PartyRef(request.CustomerId, names.GetValueOrDefault(request.CustomerId, string.Empty)),
            new PartyRef(request.SupplierId, names.GetValueOrDefault(request.SupplierId, string.Empty)),
            request.DealerId is { } dealer ? new PartyRef(dealer, names.GetValueOrDefault(dealer, string.Empty)) : null,
            request.OrderNumber,
            request.AssetSerial,
            new PolicyRef(policy.Id, policy.Name, policy.Version),
            request.Symptom,
            request.OccurredAt,
            request.Impact,
            request.SelfChecks,
            request.RequestedResolution,
            request.Urgency,
            request.Contact,
            request.Warranty is { } w ? new WarrantyView(w.Status, w.Start, w.End, w.TermMonths, w.Basis, w.Explanation) : null,
            new ValidationView(request.MissingMaterials),
            request.IntakeAnswer,
            request.ReceiptNote,
            request.Judgement?.Responsibility,
            request.Judgement is { } j ? new JudgementView(j.Responsibility, j.Outcome, j.Analysis, j.Plan, j.Exclusion, j.JudgedAt, j.JudgedBy) : null,
            quote is null ? null : new QuoteView(
                [.. quote.Lines.Select(l => new QuoteLineView(l.Kind, l.Description, l.Quantity, l.UnitPrice, l.LineTotal) { PriceListItemId = l.PriceListItemId, Code = l.Code, Unit = l.Unit })],
                quote.Total, quote.Currency, quote.PartsLeadTimeDays, quote.PaymentTerms, request.QuoteDecision) { ValidUntil = quote.ValidUntil },
            request.ServiceRecord,
            request.Acceptance,
            request.Rejections,
            request.Revisit,
            request.CancelReason,
            ServiceRequestWorkflow.IsTerminal(request.Status) ? [] : request.FindMissingVouchers(policy.Figures),
            [.. request.Deadlines.OrderBy(d => d.StartedAt).ThenBy(d => d.Kind).Select(d => ToView(d, now))],
            [.. request.Timeline.OrderBy(t => t.Sequence).Select(t => new TimelineView(t.Sequence, t.At, t.ActorName, RoleLabel(t.ActorRole), t.Action, t.FromStatus, t.ToStatus, t.Note))],
            [.. request.Attachments.OrderBy(a => a.UploadedAt).Select(a => new AttachmentView(a.Id, a.Kind, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt, a.UploadedBy,
                $"/api/v1/service-requests/{request.Id}/attachments/{a.Id}"))],
            actor is null ? [] : [.. ServiceRequestWorkflow.ActionsFrom(request.Status).Where(a => request.CanDo(a, actor)).Select(ServiceRequest.ActionName)],
            request.CreatedAt,
            request.UpdatedAt,
            request.ClosedAt,
            request.Version,
            request.FaultLevel,
            request.ServiceLevel,
            request.LoanerOwedSince,
            [.. request.LedgerEntries.OrderBy(l => l.CreatedAt).Select(l => new PenaltyView(l.Id, l.DeadlineKind, l.RuleId, l.Explanation, l.Amount, l.Account, l.IsWaived, l.WaiverReason, l.CreatedAt))])
        {
            Dispute = request.Dispute,
            JudgementDeemedAcceptedAt = request.JudgementDeemedAcceptedAt,
        };
    }

    public async Task<Page<ServiceRequestSummary>> ListAsync(ServiceRequestFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.ServiceRequests.AsNoTracking();
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query = query.Where(r => statuses.Contains(r.Status));
        }

        if (filter.OpenOnly)
        {
            query = query.Where(r => r.Status != ServiceRequestStatus.Closed && r.Status != ServiceRequestStatus.Cancelled);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (filter.SupplierId is { } supplier)
        {
            query = query.Where(r => r.SupplierId == supplier);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(r => r.CustomerId == customer);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(r => r.Number.Contains(term) || r.OrderNumber.Contains(term) || (r.AssetSerial != null && r.AssetSerial.Contains(term)) || r.Symptom.Contains(term));
        }

        if (filter.Breached is { } breached)
        {
            query = breached ? query.Where(r => r.Breaches.Any()) : query.Where(r => !r.Breaches.Any());
        }

        // Keyset paging: (sort key, id) of the last row of the previous page.
        if (filter.Sort == ServiceRequestSort.NearestDeadline)
        {
            if (cursor is { Key: long.MaxValue } last)
            {
                // The previous page ended among the requests without an open deadline, which sort last.
                query = query.Where(r => r.NextDueAt == null && r.Id > last.Id);
            }
            else if (cursor is { } c)
            {
                var key = Cursor.Instant(c.Key);
                query = query.Where(r => r.NextDueAt == null || r.NextDueAt > key || (r.NextDueAt == key && r.Id > c.Id));
            }

            query = query.OrderBy(r => r.NextDueAt == null).ThenBy(r => r.NextDueAt).ThenBy(r => r.Id);
        }
        else
        {
            if (cursor is { } c)
            {
                var key = Cursor.Instant(c.Key);
                query = query.Where(r => r.CreatedAt < key || (r.CreatedAt == key && r.Id < c.Id));
            }

            query = query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
        }

        var rows = await query.Take(size + 1).Select(r => new
        {
            r.Id, r.Number, r.Status, r.Type, r.Urgency, r.CustomerId, r.SupplierId, r.OrderNumber, r.AssetSerial, r.Symptom, r.CreatedAt, r.NextDueAt,
            HasBreach = r.Breaches.Any(),
            Next = r.Deadlines.Where(d => d.ClosedAt == null).OrderBy(d => d.DueAt).FirstOrDefault(),
        }).ToListAsync(cancellationToken);

        var orgIds = rows.SelectMany(r => new[] { r.CustomerId, r.SupplierId }).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var items = rows.Take(size).Select(r => new ServiceRequestSummary(
            r.Id, r.Number, r.Status, StatusNames.Chinese(r.Status), r.Type, r.Urgency,
            names.GetValueOrDefault(r.CustomerId, string.Empty), names.GetValueOrDefault(r.SupplierId, string.Empty),
            r.OrderNumber, r.AssetSerial, r.Symptom.Length > 80 ? r.Symptom[..80] + "…" : r.Symptom, r.CreatedAt, r.NextDueAt,
            r.Next is null ? null : ToView(r.Next, now), r.HasBreach)).ToList();

        string? next = null;
        if (rows.Count > size)
        {
            var last = items[^1];
            next = filter.Sort == ServiceRequestSort.NearestDeadline
                ? Cursor.Encode(last.NextDueAt?.UtcTicks ?? long.MaxValue, last.Id)
                : Cursor.Encode(last.CreatedAt.UtcTicks, last.Id);
        }

        return new Page<ServiceRequestSummary>(items, next);
    }

    public static DeadlineView ToView(Deadline d, DateTimeOffset now) => new(
        d.Id, d.Kind, DeadlineKindNames.Chinese(d.Kind), d.OwedBy, d.Target.ToChinese(), d.StartedAt, d.DueAt,
        d.IsOpen && !d.IsPaused && !d.IsBreached && now > d.DueAt ? DeadlineState.Breached : d.State,
        d.ClosedAt, d.IsAtRisk(now));

    private static string RoleLabel(string role) =>
        Domain.Organizations.Roles.All.FirstOrDefault(r => r.Name == role)?.DisplayZh ?? (role == "system" ? "系统" : role);
}
