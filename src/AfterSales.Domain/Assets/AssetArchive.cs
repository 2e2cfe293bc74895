using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Assets;

/// <summary>What kind of event an entry of a device's service archive is (R-BLK-1).</summary>
public enum ArchiveEntryKind
{
    /// <summary>报修: a service request filed on the asset.</summary>
    Request,

    /// <summary>责任判定.</summary>
    Judgement,

    /// <summary>报价 issued with the judgement.</summary>
    Quote,

    /// <summary>客户确认或拒绝报价.</summary>
    QuoteDecision,

    /// <summary>服务完成: the work done.</summary>
    Work,

    /// <summary>更换/使用配件.</summary>
    Part,

    /// <summary>客户验收.</summary>
    Acceptance,

    /// <summary>回访.</summary>
    Revisit,
}

/// <summary>One event in a device's service archive, tied to the request it belongs to.</summary>
public sealed record ArchiveEntry(DateTimeOffset At, ArchiveEntryKind Kind, Guid RequestId, string RequestNumber, string Summary, Money.Money? Amount = null, int? Quantity = null);

/// <summary>
/// 设备档案 (R-BLK-1): the per-device service archive bulk customers need — every request, judgement, quote, work,
/// part and revisit on one asset in time order — and the count of repairs in the last 12 months. Pure: the caller
/// passes the requests it may see and the clock's now.
/// </summary>
public static class AssetArchive
{
    /// <summary>Request types that are repairs: the 12-month count is about how often the device broke (R-BLK-1 quarterly fault review).</summary>
    public static bool IsRepair(ServiceType type) => type is ServiceType.WarrantyRepair or ServiceType.PaidRepair;

    /// <summary>
    /// 近 12 个月维修次数: repair requests filed on the asset whose filing date (Asia/Shanghai) is within the 12 months
    /// ending today — a request filed exactly 12 months ago today counts, one filed the day before does not. A cancelled
    /// request was no repair and does not count.
    /// </summary>
    public static int RepairsInLast12Months(IEnumerable<ServiceRequest> requests, DateTimeOffset now)
    {
        var since = ServiceZone.DateOf(now).AddMonths(-12);
        return requests.Count(r => IsRepair(r.Type) && r.Status != ServiceRequestStatus.Cancelled && ServiceZone.DateOf(r.CreatedAt) >= since && r.CreatedAt <= now);
    }

    private static string Chinese(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Quality => "质量问题",
        Responsibility.HumanDamage => "人为损坏",
        Responsibility.ForceMajeure => "不可抗力",
        Responsibility.SalesError => "销售差错",
        Responsibility.Production => "生产质量问题",
        Responsibility.Undetermined => "待定",
        _ => responsibility.ToString(),
    };

    private static string Chinese(JudgementOutcome outcome) => outcome switch
    {
        JudgementOutcome.InWarranty => "保修范围内",
        JudgementOutcome.Paid => "付费服务",
        JudgementOutcome.NeedsVerification => "待核实",
        _ => outcome.ToString(),
    };

    /// <summary>Every event of the requests in time order (ties keep the request's own order of events).</summary>
    public static IReadOnlyList<ArchiveEntry> Entries(IEnumerable<ServiceRequest> requests)
    {
        var entries = new List<ArchiveEntry>();
        foreach (var r in requests)
        {
            entries.Add(new ArchiveEntry(r.CreatedAt, ArchiveEntryKind.Request, r.Id, r.Number, $"{StatusNames.Chinese(r.Status)}：{r.Symptom}"));
            if (r.Judgement is { } judgement)
            {
                var exclusion = judgement.Exclusion is { Length: > 0 } code ? $"，除外：{code}" : string.Empty;
                entries.Add(new ArchiveEntry(judgement.JudgedAt, ArchiveEntryKind.Judgement, r.Id, r.Number,
                    $"{Chinese(judgement.Responsibility)}，{Chinese(judgement.Outcome)}{exclusion}" + (judgement.Analysis is { Length: > 0 } analysis ? $"：{analysis}" : string.Empty)));
                if (judgement.Quote is { } quote)
                {
                    entries.Add(new ArchiveEntry(judgement.JudgedAt, ArchiveEntryKind.Quote, r.Id, r.Number,
                        string.Join("；", quote.Lines.Select(l => l.Description)), quote.Total));
                }
            }

            if (r.QuoteDecision is { } decision)
            {
                entries.Add(new ArchiveEntry(decision.At, ArchiveEntryKind.QuoteDecision, r.Id, r.Number,
                    (decision.Accepted ? "客户接受报价" : "客户拒绝报价") + $"（{decision.By}）" + (decision.Reason is { Length: > 0 } reason ? $"：{reason}" : string.Empty)));
            }

            if (r.ServiceRecord is { } work)
            {
                entries.Add(new ArchiveEntry(work.CompletedAt, ArchiveEntryKind.Work, r.Id, r.Number, $"{work.WorkDone}；结果：{work.Result}（{work.CompletedBy}）"));
                foreach (var part in work.PartsUsed)
                {
                    entries.Add(new ArchiveEntry(work.CompletedAt, ArchiveEntryKind.Part, r.Id, r.Number,
                        part.PartNumber is { Length: > 0 } number ? $"{part.Name}（{number}）" : part.Name, Quantity: part.Quantity));
                }
            }

            if (r.Acceptance is { } acceptance)
            {
                entries.Add(new ArchiveEntry(acceptance.At, ArchiveEntryKind.Acceptance, r.Id, r.Number,
                    $"客户验收（{acceptance.By}）" + (acceptance.Comment is { Length: > 0 } comment ? $"：{comment}" : string.Empty)));
            }

            if (r.Revisit is { } revisit)
            {
                entries.Add(new ArchiveEntry(revisit.At, ArchiveEntryKind.Revisit, r.Id, r.Number,
                    $"满意度 {revisit.Satisfaction}/5（{revisit.By}）" + (revisit.Notes is { Length: > 0 } notes ? $"：{notes}" : string.Empty)));
            }
        }

        // A stable sort: a request's events that share an instant (judgement and its quote) keep their order.
        return [.. entries.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e)];
    }
}
