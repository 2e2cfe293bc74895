using System.Globalization;
using System.Text;
using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>
/// Read side of the complaint ledger (投诉台账, R-CMP-1, R-CMP-2). Which complaints a caller sees is the query filter:
/// the complainant's organisation, the organisation complained about and the platform.
/// </summary>
public sealed class ComplaintQueries(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <summary>The most lines one export writes; the ledger is filtered by period for more.</summary>
    public const int ExportLimit = 10_000;

    public async Task<Page<ComplaintRow>> ListAsync(ComplaintFilter filter, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = Filtered(filter);
        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(x => x.FiledAt < key || (x.FiledAt == key && x.Id < c.Id));
        }

        var complaints = await query.OrderByDescending(x => x.FiledAt).ThenByDescending(x => x.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = await RowsAsync([.. complaints.Take(size)], cancellationToken);
        return new Page<ComplaintRow>(items, complaints.Count > size ? Cursor.Encode(items[^1].FiledAt.UtcTicks, items[^1].Id) : null);
    }

    public async Task<ComplaintView> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("投诉");
        var row = (await RowsAsync([complaint], cancellationToken))[0];
        var by = callers.Required.ToActor();
        StaffSuspensionView? suspension = null;
        if (complaint.StaffAtFaultUserId is { } staffId)
        {
            var record = await db.StaffSuspensions.AsNoTracking().Where(s => s.ComplaintId == complaint.Id && s.UserId == staffId)
                .OrderByDescending(s => s.SuspendedAt).FirstOrDefaultAsync(cancellationToken);
            suspension = record is null ? null : StaffSuspensionView.From(record);
        }

        var mayManageStaff = complaint.StaffAtFaultUserId is not null && by.Has(Domain.Organizations.Permissions.StaffSuspend)
            && (by.Party == Domain.Organizations.PartyKind.Platform || by.OrganizationId == complaint.StaffAtFaultOrganizationId);
        var maySuspend = mayManageStaff && complaint.Responsibility == ComplaintResponsibility.StaffService
            && complaint.Status is not (ComplaintStatus.Filed or ComplaintStatus.Rejected) && suspension is not { Active: true };
        var allowed = new ComplaintAllowed(
            complaint.MayVerify(by), complaint.MayVerify(by), complaint.MayStartHandling(by), complaint.MayHandle(by), complaint.MayClose(by), complaint.MayReopen(by), maySuspend, mayManageStaff && suspension is { Active: true });
        var history = complaint.Steps.OrderBy(s => s.Sequence)
            .Select(s => new ComplaintStepView(s.Sequence, s.Kind, ComplaintNames.Step(s.Kind), s.Status, s.At, s.ActorName, s.Note))
            .ToList();
        return new ComplaintView(row, history, allowed, suspension);
    }

    /// <summary>Service staff the caller may name (the file dialog's and the verify dialog's pickers).</summary>
    public Task<IReadOnlyList<StaffChoice>> StaffChoicesAsync(Guid? organizationId, CancellationToken cancellationToken) =>
        ComplaintPeople.ChoicesAsync(db, organizationId, cancellationToken);

    /// <summary>投诉分析 (R-CMP-2) over the complaints filed in the period (and matching the other filters).</summary>
    public async Task<ComplaintSummary> SummaryAsync(ComplaintFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await Filtered(filter)
            .Select(c => new { c.Status, c.Responsibility, c.FiledAt, c.VerificationDueAt, c.VerifiedAt, c.ClosedAt, c.Satisfied })
            .ToListAsync(cancellationToken);
        var byResponsibility = Enum.GetValues<ComplaintResponsibility>()
            .Select(r => new ComplaintCount(Camel(r.ToString()), ComplaintNames.Responsibility(r), all.Count(c => c.Responsibility == r)))
            .Append(new ComplaintCount("unassigned", "未认定", all.Count(c => c.Responsibility is null)))
            .ToList();
        var byStatus = Enum.GetValues<ComplaintStatus>()
            .Select(s => new ComplaintCount(Camel(s.ToString()), ComplaintNames.Status(s), all.Count(c => c.Status == s)))
            .ToList();
        var byMonth = all
            .GroupBy(c => ServiceZone.ToLocal(c.FiledAt).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ComplaintCount(g.Key, g.Key, g.Count()))
            .ToList();
        var verified = all.Where(c => c.VerifiedAt is not null).Select(c => (c.VerifiedAt!.Value - c.FiledAt).TotalHours).ToList();
        var closed = all.Where(c => c.ClosedAt is not null).Select(c => (c.ClosedAt!.Value - c.FiledAt).TotalHours).ToList();
        return new ComplaintSummary(
            all.Count,
            all.Count(c => c.Status == ComplaintStatus.Filed && c.VerificationDueAt < now),
            all.Count(c => c.VerifiedAt > c.VerificationDueAt),
            byResponsibility,
            byMonth,
            byStatus,
            verified.Count == 0 ? null : Math.Round(verified.Average(), 1, MidpointRounding.AwayFromZero),
            closed.Count == 0 ? null : Math.Round(closed.Average(), 1, MidpointRounding.AwayFromZero),
            all.Count(c => c.Status == ComplaintStatus.Closed && c.Satisfied == true),
            all.Count(c => c.Status == ComplaintStatus.Closed && c.Satisfied == false));
    }

    /// <summary>
    /// The ledger as CSV (seed 003 §5.5: 投诉内容、处理过程、处理结果及客户反馈), UTF-8 with a byte-order mark so Excel
    /// opens the Chinese text; times in Asia/Shanghai, newest first.
    /// </summary>
    public async Task<byte[]> ExportCsvAsync(ComplaintFilter filter, CancellationToken cancellationToken)
    {
        var complaints = await Filtered(filter).OrderByDescending(x => x.FiledAt).ThenByDescending(x => x.Id).Take(ExportLimit).ToListAsync(cancellationToken);
        var rows = await RowsAsync(complaints, cancellationToken);
        var csv = new StringBuilder();
        Line(csv, "投诉编号", "状态", "投诉对象", "渠道", "投诉单位", "提交人", "售后单", "被投诉人", "被投诉供应商", "被投诉经销商", "投诉内容", "期望结果",
            "提交时间", "核实期限", "核实超时", "核实时间", "责任主体", "责任人", "核实说明", "不成立原因", "处理时间", "处理说明", "补偿方式", "补偿金额（元）",
            "关闭时间", "客户反馈", "反馈意见", "重新打开次数");
        foreach (var r in rows)
        {
            Line(csv, r.Number, r.StatusLabel, r.SubjectLabel, r.ChannelLabel, r.ComplainantOrganizationName, r.FiledBy, r.RequestNumber, r.PersonName,
                r.RespondentSupplierName, r.RespondentDealerName, r.Content, r.DesiredOutcome, Time(r.FiledAt), Time(r.VerificationDueAt),
                r.VerificationOverdue || r.VerifiedLate ? "是" : "否", Time(r.VerifiedAt), r.ResponsibilityLabel, r.StaffAtFaultName, r.VerificationNote,
                r.RejectionReason, Time(r.HandledAt), r.HandlingNotes, r.CompensationLabel, r.CompensationAmount?.AmountText, Time(r.ClosedAt),
                r.Satisfied switch { true => "满意", false => "不满意", null => null }, r.FeedbackComment, r.ReopenCount.ToString(CultureInfo.InvariantCulture));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private IQueryable<Complaint> Filtered(ComplaintFilter filter)
    {
        var query = db.Complaints.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Responsibility is { } responsibility)
        {
            query = query.Where(c => c.Responsibility == responsibility);
        }

        if (filter.Overdue is { } overdue)
        {
            var now = clock.GetUtcNow();
            query = overdue
                ? query.Where(c => c.Status == ComplaintStatus.Filed && c.VerificationDueAt < now)
                : query.Where(c => c.Status != ComplaintStatus.Filed || c.VerificationDueAt >= now);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(c => c.Number.Contains(text) || c.Content.Contains(text) || (c.ServiceRequestNumber != null && c.ServiceRequestNumber.Contains(text)));
        }

        if (filter.FiledFrom is { } from)
        {
            query = query.Where(c => c.FiledAt >= from);
        }

        if (filter.FiledTo is { } to)
        {
            query = query.Where(c => c.FiledAt < to);
        }

        if (filter.RequestId is { } requestId)
        {
            query = query.Where(c => c.ServiceRequestId == requestId);
        }

        return query;
    }

    private async Task<List<ComplaintRow>> RowsAsync(IReadOnlyList<Complaint> complaints, CancellationToken cancellationToken)
    {
        var ids = complaints.Select(c => c.ComplainantOrganizationId)
            .Concat(complaints.Where(c => c.RespondentSupplierId is not null).Select(c => c.RespondentSupplierId!.Value))
            .Concat(complaints.Where(c => c.RespondentDealerId is not null).Select(c => c.RespondentDealerId!.Value))
            .Distinct().ToList();

        // The parties of a visible complaint may read each other's names.
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var now = clock.GetUtcNow();
        return [.. complaints.Select(c => new ComplaintRow(
            c.Id,
            c.Number,
            c.Status,
            ComplaintNames.Status(c.Status),
            c.Subject,
            ComplaintNames.Subject(c.Subject),
            c.Channel,
            ComplaintNames.Channel(c.Channel),
            c.ComplainantOrganizationId,
            names.GetValueOrDefault(c.ComplainantOrganizationId, string.Empty),
            c.ComplainantParty,
            c.FiledByName,
            c.ServiceRequestId,
            c.ServiceRequestNumber,
            c.PersonUserId,
            c.PersonName,
            c.RespondentSupplierId,
            c.RespondentSupplierId is { } s ? names.GetValueOrDefault(s) : null,
            c.RespondentDealerId,
            c.RespondentDealerId is { } d ? names.GetValueOrDefault(d) : null,
            c.Content,
            c.DesiredOutcome,
            c.FiledAt,
            c.VerificationDueAt,
            c.IsVerificationOverdue(now),
            c.WasVerifiedLate,
            c.VerifiedAt,
            c.VerifiedBy,
            c.Responsibility,
            c.Responsibility is { } r ? ComplaintNames.Responsibility(r) : null,
            c.VerificationNote,
            c.StaffAtFaultUserId,
            c.StaffAtFaultName,
            c.RejectionReason,
            c.HandledAt,
            c.HandledBy,
            c.HandlingNotes,
            c.Compensation,
            c.Compensation is { } k ? ComplaintNames.Compensation(k) : null,
            c.CompensationAmount is { } amount ? Domain.Money.Money.Yuan(amount) : null,
            c.ClosedAt,
            c.Satisfied,
            c.FeedbackComment,
            c.ReopenCount,
            c.Version))];
    }

    private static string? Time(DateTimeOffset? instant) =>
        instant is { } at ? ServiceZone.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

    private static void Line(StringBuilder csv, params string?[] fields)
    {
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a complaint's text as a formula.
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
