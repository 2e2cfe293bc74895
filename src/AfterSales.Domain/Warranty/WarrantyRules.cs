using AfterSales.Domain.Policies;

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

/// <summary>The facts a warranty decision rests on.</summary>
public sealed record WarrantyFacts(
    DateOnly? AcceptedOn,
    string Category,
    int? ProductMonths,
    int? ContractMonths,
    bool SoldByDealer,
    DateOnly? SoldOn,
    DateOnly? CardRegisteredOn);

/// <summary>A warranty decision with its basis (rule ids and dates), never a bare yes/no.</summary>
public sealed record WarrantyDecision(WarrantyStatus Status, DateOnly? Start, DateOnly? End, int? TermMonths, IReadOnlyList<string> Basis, string Explanation)
{
    public bool Covered => Status == WarrantyStatus.InWarranty;
}

/// <summary>
/// Decides whether an asset is in warranty on a date (R-WTY-1, R-WTY-3). Pure: every intake, judgement and
/// page that shows warranty asks this one component.
/// </summary>
public static class WarrantyRules
{
    public static WarrantyDecision Decide(WarrantyFacts facts, WarrantyTerms terms, DateOnly today)
    {
        if (facts.AcceptedOn is not { } start)
        {
            return new WarrantyDecision(WarrantyStatus.NotStarted, null, null, null, ["R-WTY-1"], "订单尚未验收，质保期未开始。");
        }

        var months = terms.TermFor(facts.Category, facts.ProductMonths, facts.ContractMonths);
        var source = facts.ContractMonths is not null ? "合同约定" : facts.ProductMonths is not null ? "产品说明书" :
            terms.MonthsByCategory.ContainsKey(facts.Category) ? $"政策品类期限（{facts.Category}）" : "政策默认期限";

        // Inclusive last day: 12 months from 2025-03-01 covers through 2026-02-28.
        var end = start.AddMonths(months).AddDays(-1);
        var basis = new List<string> { "R-WTY-1" };
        var explanation = $"自验收日 {start:yyyy-MM-dd} 起 {months} 个月（{source}），至 {end:yyyy-MM-dd}。";

        if (facts.SoldByDealer && terms.DealerCardDays is { } cardDays)
        {
            basis.Add("R-WTY-3");
            var registeredInTime = facts.SoldOn is { } soldOn && facts.CardRegisteredOn is { } registered &&
                registered.DayNumber - soldOn.DayNumber <= cardDays;
            if (!registeredInTime)
            {
                return new WarrantyDecision(WarrantyStatus.NotRegistered, start, end, months, basis,
                    $"经销商未在销售后 {cardDays} 天内返回三包回执卡，三包服务不予认定。");
            }
        }

        return today <= end
            ? new WarrantyDecision(WarrantyStatus.InWarranty, start, end, months, basis, explanation)
            : new WarrantyDecision(WarrantyStatus.Expired, start, end, months, basis, explanation + "已过保。");
    }
}
