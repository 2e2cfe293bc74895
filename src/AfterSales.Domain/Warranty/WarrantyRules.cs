using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Warranty;

/// <summary>质保状态 as the API shows it.</summary>
public enum WarrantyStatus
{
    /// <summary>在保</summary>
    InWarranty,

    /// <summary>已过保</summary>
    Expired,

    /// <summary>三包回执卡未登记 (R-WTY-3)</summary>
    NotRegistered,

    /// <summary>未验收: the warranty has not started because the order is not accepted</summary>
    NotStarted,
}

/// <summary>Where the term came from (R-WTY-1), in the order the rules try them.</summary>
public enum WarrantyTermSource
{
    /// <summary>合同/订单约定</summary>
    Contract,

    /// <summary>产品说明书（产品自身期限）</summary>
    Product,

    /// <summary>政策品类期限</summary>
    Category,

    /// <summary>政策默认期限（无约定时 12 个月）</summary>
    Default,
}

/// <summary>A part replaced or repaired under service, with the date its own term starts (R-WTY-2).</summary>
public sealed record PartFact(string Name, string? PartNumber, DateOnly ServicedOn, DateOnly OwnEnd, string? RequestNumber);

/// <summary>One judged fault on the asset: its code and the date it occurred (R-WTY-5).</summary>
public sealed record FaultOccurrence(string FaultCode, DateOnly On, string? RequestNumber);

/// <summary>The facts a warranty decision rests on.</summary>
public sealed record WarrantyFacts(
    DateOnly? AcceptedOn,
    string Category,
    int? ProductMonths,
    int? ContractMonths,
    bool SoldByDealer,
    DateOnly? SoldOn,
    DateOnly? CardRegisteredOn)
{
    /// <summary>Parts with their own term (R-WTY-2).</summary>
    public IReadOnlyList<PartFact> Parts { get; init; } = [];

    /// <summary>Judged faults on the asset, including the one being judged (R-WTY-5).</summary>
    public IReadOnlyList<FaultOccurrence> Faults { get; init; } = [];

    /// <summary>Date the warranty card was issued to the customer (R-WTY-7); a document of the basis.</summary>
    public DateOnly? CustomerCardIssuedOn { get; init; }

    /// <summary>Asset serial, named in the basis.</summary>
    public string? Serial { get; init; }
}

/// <summary>One line of a decision's basis: the rule, what it says of this asset, the date and the document it rests on.</summary>
public sealed record WarrantyBasisItem(string Rule, string Text, DateOnly? Date = null, string? Document = null);

/// <summary>A part's own warranty (R-WTY-2) as of the decision date.</summary>
public sealed record PartWarranty(string Name, string? PartNumber, DateOnly ServicedOn, DateOnly OwnEnd, bool Covered, string? RequestNumber);

/// <summary>The repeat-fault finding (R-WTY-5): the same fault code often enough inside the policy window.</summary>
public sealed record RepeatFault(string FaultCode, int Count, int Threshold, int WindowMonths, IReadOnlyList<DateOnly> Dates, bool Eligible);

/// <summary>A warranty decision with its basis (rule ids and dates), never a bare yes/no.</summary>
public sealed record WarrantyDecision(WarrantyStatus Status, DateOnly? Start, DateOnly? End, int? TermMonths, IReadOnlyList<string> Basis, string Explanation)
{
    public bool Covered => Status == WarrantyStatus.InWarranty;

    /// <summary>The day the decision speaks of (today, or the day the fault occurred).</summary>
    public DateOnly? AsOf { get; init; }

    public WarrantyTermSource? TermSource { get; init; }

    /// <summary>The basis line by line: rule, dates and documents.</summary>
    public IReadOnlyList<WarrantyBasisItem> Details { get; init; } = [];

    /// <summary>Last day the dealer could register the 三包回执卡 (R-WTY-3), when the asset is dealer-sold under such a policy.</summary>
    public DateOnly? CardDueBy { get; init; }

    public DateOnly? CardRegisteredOn { get; init; }

    public DateOnly? CustomerCardIssuedOn { get; init; }

    public IReadOnlyList<PartWarranty> Parts { get; init; } = [];

    /// <summary>Repeat faults that reached the policy's count inside its window (R-WTY-5).</summary>
    public IReadOnlyList<RepeatFault> RepeatFaults { get; init; } = [];

    /// <summary>The asset is due a free replacement because a fault repeated (R-WTY-5).</summary>
    public bool FreeReplacementEligible => RepeatFaults.Any(r => r.Eligible);
}

/// <summary>
/// Decides whether an asset is in warranty on a date (R-WTY-1, R-WTY-2, R-WTY-3, R-WTY-5, R-WTY-7) and whether a
/// judgement agrees with that decision (R-JDG-2). Pure: every intake, judgement and page that shows warranty asks
/// this one component, so a decision reads the same everywhere.
/// </summary>
public static class WarrantyRules
{
    /// <summary>Seed [004]: warranty cards reach the customer within one month of handover (R-WTY-7).</summary>
    public const int CustomerCardMonths = 1;

    public static WarrantyDecision Decide(WarrantyFacts facts, WarrantyTerms terms, DateOnly today)
    {
        var parts = facts.Parts.Select(p => new PartWarranty(p.Name, p.PartNumber, p.ServicedOn, p.OwnEnd, today >= p.ServicedOn && today <= p.OwnEnd, p.RequestNumber)).ToList();
        var repeats = FindRepeatFaults(facts.Faults, terms);
        var details = new List<WarrantyBasisItem>();
        foreach (var part in parts)
        {
            details.Add(new WarrantyBasisItem("R-WTY-2",
                $"配件 {part.Name} 于 {part.ServicedOn:yyyy-MM-dd} 更换/维修，自有质保 {terms.RepairedPartMonths} 个月至 {part.OwnEnd:yyyy-MM-dd}" + (part.Covered ? "，在保。" : "，已过期。"),
                part.OwnEnd, part.RequestNumber));
        }

        foreach (var repeat in repeats.Where(r => r.Eligible))
        {
            details.Add(new WarrantyBasisItem("R-WTY-5",
                $"故障 {repeat.FaultCode} 在 {repeat.WindowMonths} 个月内出现 {repeat.Count} 次（{string.Join("、", repeat.Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}），设备可免费更换。",
                repeat.Dates[^1]));
        }

        if (facts.AcceptedOn is not { } start)
        {
            details.Insert(0, new WarrantyBasisItem("R-WTY-1", "订单尚未验收，质保期未开始。"));
            return new WarrantyDecision(WarrantyStatus.NotStarted, null, null, null, Rules(details), "订单尚未验收，质保期未开始。")
            {
                AsOf = today, Details = details, Parts = parts, RepeatFaults = repeats, CustomerCardIssuedOn = facts.CustomerCardIssuedOn,
            };
        }

        // R-WTY-1: contract (order) override, else the product's own term, else the policy's category term, else the default.
        var (months, source) = facts.ContractMonths is { } contract ? (contract, WarrantyTermSource.Contract)
            : facts.ProductMonths is { } product ? (product, WarrantyTermSource.Product)
            : terms.MonthsByCategory.TryGetValue(facts.Category, out var byCategory) ? (byCategory, WarrantyTermSource.Category)
            : (terms.DefaultMonths, WarrantyTermSource.Default);
        var end = EndOf(start, months);
        var sourceText = source switch
        {
            WarrantyTermSource.Contract => "合同约定",
            WarrantyTermSource.Product => "产品说明书",
            WarrantyTermSource.Category => $"政策品类期限（{facts.Category}）",
            _ => "政策默认期限",
        };
        var explanation = $"自验收日 {start:yyyy-MM-dd} 起 {months} 个月（{sourceText}），至 {end:yyyy-MM-dd}。";
        details.Insert(0, new WarrantyBasisItem("R-WTY-1", explanation, start, "验收单"));

        if (facts.CustomerCardIssuedOn is { } issued)
        {
            var due = start.AddMonths(CustomerCardMonths);
            details.Add(new WarrantyBasisItem("R-WTY-7",
                $"质保卡于 {issued:yyyy-MM-dd} 交付客户" + (issued <= due ? "。" : $"，晚于交付后 {CustomerCardMonths} 个月（{due:yyyy-MM-dd}）。"),
                issued, "质保卡"));
        }

        DateOnly? cardDue = null;
        if (facts.SoldByDealer && terms.DealerCardDays is { } cardDays && facts.SoldOn is { } soldOn)
        {
            cardDue = soldOn.AddDays(cardDays);
            if (!CardRegisteredInTime(soldOn, facts.CardRegisteredOn, cardDays))
            {
                var why = facts.CardRegisteredOn is { } late
                    ? $"三包回执卡于 {late:yyyy-MM-dd} 登记，晚于销售日 {soldOn:yyyy-MM-dd} 后 {cardDays} 天（{cardDue:yyyy-MM-dd}），三包服务不予认定。"
                    : $"经销商尚未返回三包回执卡（销售日 {soldOn:yyyy-MM-dd}，须在 {cardDue:yyyy-MM-dd} 前登记），三包服务不予认定。";
                details.Insert(1, new WarrantyBasisItem("R-WTY-3", why, cardDue, "三包回执卡"));
                return new WarrantyDecision(WarrantyStatus.NotRegistered, start, end, months, Rules(details), why)
                {
                    AsOf = today, TermSource = source, Details = details, CardDueBy = cardDue, CardRegisteredOn = facts.CardRegisteredOn,
                    CustomerCardIssuedOn = facts.CustomerCardIssuedOn, Parts = parts, RepeatFaults = repeats,
                };
            }

            details.Insert(1, new WarrantyBasisItem("R-WTY-3", $"三包回执卡于 {facts.CardRegisteredOn:yyyy-MM-dd} 登记，在销售后 {cardDays} 天内。", facts.CardRegisteredOn, "三包回执卡"));
        }

        var status = today < start ? WarrantyStatus.NotStarted : today <= end ? WarrantyStatus.InWarranty : WarrantyStatus.Expired;
        return new WarrantyDecision(status, start, end, months, Rules(details), status == WarrantyStatus.Expired ? explanation + "已过保。" : explanation)
        {
            AsOf = today, TermSource = source, Details = details, CardDueBy = cardDue, CardRegisteredOn = facts.CardRegisteredOn,
            CustomerCardIssuedOn = facts.CustomerCardIssuedOn, Parts = parts, RepeatFaults = repeats,
        };
    }

    /// <summary>
    /// Last day of a term of <paramref name="months"/> counted from <paramref name="start"/> inclusive (R-WTY-1). The
    /// acceptance day counts ("自验收之日起算"), so the term ends the day before the same day-of-month; where that day
    /// does not exist in the end month (acceptance on the 29th–31st) the term ends on that month's last day, as
    /// 民法典 第二百零三条 ("没有对应日的，月末日为期间的最后一日"). 2025-03-01 + 12 → 2026-02-28; 2024-02-29 + 12 →
    /// 2025-02-28; 2025-01-31 + 1 → 2025-02-28; 2023-03-31 + 11 → 2024-02-29.
    /// </summary>
    public static DateOnly EndOf(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var anniversary = start.AddMonths(months);
        return anniversary.Day == start.Day
            ? anniversary.AddDays(-1)
            : new DateOnly(anniversary.Year, anniversary.Month, DateTime.DaysInMonth(anniversary.Year, anniversary.Month));
    }

    /// <summary>R-WTY-3: the card counts when registered on the day of sale or up to <paramref name="days"/> days after it.</summary>
    public static bool CardRegisteredInTime(DateOnly soldOn, DateOnly? registeredOn, int days) =>
        registeredOn is { } registered && registered >= soldOn && registered.DayNumber - soldOn.DayNumber <= days;

    /// <summary>R-WTY-2: a part serviced on a day is covered for the policy's repaired-part term from that day.</summary>
    public static DateOnly PartEnd(DateOnly servicedOn, WarrantyTerms terms) => EndOf(servicedOn, terms.RepairedPartMonths);

    /// <summary>
    /// R-WTY-5: for each fault code, the largest number of occurrences that fit one policy window (first occurrence to
    /// last inside <see cref="EndOf"/> of the window); eligible when that reaches the policy's count.
    /// </summary>
    public static IReadOnlyList<RepeatFault> FindRepeatFaults(IReadOnlyList<FaultOccurrence> faults, WarrantyTerms terms)
    {
        var result = new List<RepeatFault>();
        foreach (var group in faults.Where(f => !string.IsNullOrWhiteSpace(f.FaultCode)).GroupBy(f => f.FaultCode.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var dates = group.Select(f => f.On).Order().ToList();
            var best = new List<DateOnly> { dates[0] };
            for (var i = 0; i < dates.Count; i++)
            {
                var windowEnd = EndOf(dates[i], terms.RepeatFaultWindowMonths);
                var inWindow = dates.Skip(i).TakeWhile(d => d <= windowEnd).ToList();
                if (inWindow.Count > best.Count)
                {
                    best = inWindow;
                }
            }

            result.Add(new RepeatFault(group.Key, best.Count, terms.RepeatFaultCount, terms.RepeatFaultWindowMonths, best, best.Count >= terms.RepeatFaultCount));
        }

        return result;
    }

    /// <summary>
    /// R-JDG-2: does a judgement agree with the warranty decision? A covered fault goes on a paid quote only with a
    /// cited exclusion; an exclusion cannot refuse what the decision covers by its own finding ("expired" on an asset in
    /// warranty); an uncovered asset is judged in warranty only on a recorded ground — a part's own term (R-WTY-2), a
    /// repeat fault (R-WTY-5), an appraised abnormal part life (R-WTY-6) or a goodwill reason. Throws
    /// <see cref="JudgementRefused"/> naming the field; returns the ground the free service rests on.
    /// </summary>
    public static FreeServiceGround CheckJudgement(WarrantyDecision? decision, JudgementOutcome outcome, WarrantyExclusion? exclusion, string? goodwillReason,
        bool coveredPart, bool abnormalLifeAppraised)
    {
        if (outcome == JudgementOutcome.Paid)
        {
            if (decision is { Covered: true } && exclusion is null)
            {
                throw new JudgementRefused("exclusion", "R-JDG-2", "该设备在质保期内，判为付费服务必须引用除外条款（R-WTY-4）。");
            }

            if (decision is { Covered: true } && exclusion == WarrantyExclusion.Expired)
            {
                throw new JudgementRefused("exclusion", "R-JDG-2", $"质保期至 {decision.End:yyyy-MM-dd}，不能以“已过保”为由拒绝质保。");
            }

            return FreeServiceGround.None;
        }

        if (outcome != JudgementOutcome.InWarranty)
        {
            return FreeServiceGround.None;
        }

        if (exclusion is not null)
        {
            throw new JudgementRefused("exclusion", "R-JDG-2", "判为质保服务时不能同时引用除外条款。");
        }

        if (decision is null or { Covered: true })
        {
            return decision is null ? FreeServiceGround.None : FreeServiceGround.Warranty;
        }

        if (abnormalLifeAppraised)
        {
            return FreeServiceGround.AbnormalLife;
        }

        if (decision.FreeReplacementEligible)
        {
            return FreeServiceGround.RepeatFault;
        }

        if (coveredPart)
        {
            return FreeServiceGround.PartWarranty;
        }

        if (!string.IsNullOrWhiteSpace(goodwillReason))
        {
            return FreeServiceGround.Goodwill;
        }

        throw new JudgementRefused("goodwillReason", "R-JDG-2",
            $"该设备不在保（{decision.Explanation}），判为质保服务须记录善意（商誉）理由，或依据配件自有质保、重复故障或配件寿命异常鉴定。");
    }

    private static List<string> Rules(IEnumerable<WarrantyBasisItem> details) => [.. details.Select(d => d.Rule).Distinct()];
}

/// <summary>What a free service on an asset rests on (R-JDG-2).</summary>
public enum FreeServiceGround
{
    /// <summary>Not free, or no decision to rest on.</summary>
    None,

    /// <summary>在保 (R-WTY-1)</summary>
    Warranty,

    /// <summary>配件自有质保 (R-WTY-2)</summary>
    PartWarranty,

    /// <summary>重复故障免费更换 (R-WTY-5)</summary>
    RepeatFault,

    /// <summary>配件寿命异常（经鉴定）(R-WTY-6)</summary>
    AbnormalLife,

    /// <summary>善意（商誉）保修: a recorded reason</summary>
    Goodwill,
}

/// <summary>A judgement that contradicts the warranty decision (R-JDG-2): 409 naming the field and the rule.</summary>
public sealed class JudgementRefused(string field, string ruleId, string message) : Common.WorkflowRuleViolation(ruleId, message)
{
    public string Field { get; } = field;
}
