using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;

namespace AfterSales.Domain.ServiceRequests;

/// <summary>
/// The field-service events that drive the request's own deadlines (issue 3 §2, issue 6 §3–§4): an engineer sent on
/// site, the engineer's arrival, parts replenished for the request. They are consequences of work-order and stock
/// verbs that checked their own permissions, so they record who acted but ask no permission of their own.
/// </summary>
public sealed partial class ServiceRequest
{
    private static readonly DeadlineKind[] ArrivalKinds = [DeadlineKind.OnSiteArrival, DeadlineKind.LevelArrival];

    /// <summary>
    /// Whether the engineer sent on site comes from another city than the site's (R-EXE-2 [003]: 同城 24 小时 / 异地
    /// 48 小时); null until an engineer is dispatched. The on-site arrival target follows it, so a recompute stays right.
    /// </summary>
    public bool? ArrivalFromOtherCity { get; private set; }

    /// <summary>
    /// 派工 (R-EXE-2): the on-site arrival deadline takes the policy's other-city target when the engineer's base city
    /// differs from the site's. Returns when the engineer is due on site under the policy, or null when the policy sets
    /// no arrival time for this request.
    /// </summary>
    public DateTimeOffset? EngineerDispatched(Actor by, string workOrderNumber, string engineerName, bool sameCity, DateTimeOffset now, ServiceRules rules)
    {
        ArrivalFromOtherCity = !sameCity;
        var arrival = _deadlines.Where(d => d.IsOpen && ArrivalKinds.Contains(d.Kind)).ToList();
        foreach (var deadline in arrival.Where(d => d.Kind == DeadlineKind.OnSiteArrival))
        {
            var target = DeadlineCatalog.For(deadline.Kind).TargetFor(this, rules.Policy) ?? deadline.Target;
            deadline.Recompute(target, rules.Calendar, rules.Policy.WarningPercent);
        }

        var due = arrival.Select(d => (DateTimeOffset?)d.DueAt).Min();
        var city = sameCity ? "同城" : "异地";
        Record(by, "engineerDispatched", null, null,
            due is { } at ? $"工单 {workOrderNumber} 派工给 {engineerName}（{city}），应于 {ServiceZone.ToLocal(at):yyyy-MM-dd HH:mm} 前到场" : $"工单 {workOrderNumber} 派工给 {engineerName}（{city}）",
            now);
        UpdateNextDue();
        return due;
    }

    /// <summary>
    /// When an engineer would be due on site under the policy, for one from the site's city and for one from another
    /// (R-EXE-2): the dispatch board ranks engineers with it. Both null when no arrival deadline runs.
    /// </summary>
    public (DateTimeOffset? SameCity, DateTimeOffset? OtherCity) ArrivalDueByCity(ServiceRules rules)
    {
        DateTimeOffset? sameCity = null, otherCity = null;
        foreach (var deadline in _deadlines.Where(d => d.IsOpen && ArrivalKinds.Contains(d.Kind)))
        {
            var same = deadline.DueAt;
            var other = deadline.DueAt;
            if (deadline.Kind == DeadlineKind.OnSiteArrival && rules.Policy.Deadlines.TryGetValue(deadline.Kind, out var target))
            {
                same = deadline.DueAtUnder(target, rules.Calendar);
                other = deadline.DueAtUnder(rules.Policy.OtherCityArrival ?? target, rules.Calendar);
            }

            sameCity = sameCity is { } s && s < same ? s : same;
            otherCity = otherCity is { } o && o < other ? o : other;
        }

        return (sameCity, otherCity);
    }

    /// <summary>
    /// 到场签到 (R-EXE-2, R-EXE-8, R-IN-8): the engineer's check-in is the stop event of the arrival deadlines. A late
    /// arrival is a breach recorded once, and the penalties that depend on how late (the engineer lateness fine past its
    /// grace hour) are assessed now.
    /// </summary>
    public void EngineerArrived(Actor by, string workOrderNumber, string engineerName, DateTimeOffset now, ServiceRules rules)
    {
        var closed = new List<string>();
        foreach (var deadline in _deadlines.Where(d => d.IsOpen && ArrivalKinds.Contains(d.Kind)).ToList())
        {
            if (deadline.Close(now))
            {
                OnBreached(deadline, now, rules);
            }

            AssessOnClose(deadline, now, rules);
            var lateBy = deadline.LateBy(now);
            closed.Add($"{DeadlineKindNames.Chinese(deadline.Kind)}{(lateBy > TimeSpan.Zero ? $"超时 {DescribeLateness(lateBy)}" : "按时")}");
        }

        Record(by, "engineerArrived", null, null,
            closed.Count == 0 ? $"工单 {workOrderNumber}：{engineerName} 到场签到" : $"工单 {workOrderNumber}：{engineerName} 到场签到（{string.Join("；", closed)}）", now);
        UpdateNextDue();
    }

    /// <summary>
    /// 缺货补货 (R-EXE-4, R-QUO-4): stock ran out for this request, so parts are ordered with the part's lead time —
    /// at most 7 days for a standard part, the disclosed production time for a custom one. The replenishment deadline
    /// runs from the order to the receipt; a second order while one runs keeps the first deadline.
    /// </summary>
    public void PartsReplenishmentOrdered(Actor by, string replenishmentNumber, string partNumber, int leadTimeDays, DateTimeOffset now, ServiceRules rules)
    {
        InvalidInput.Require(leadTimeDays > 0, "leadTimeDays", "备件周期须大于 0 天。");
        var opened = false;
        if (!_deadlines.Any(d => d.IsOpen && d.Kind == DeadlineKind.PartsReplenishment))
        {
            Open(DeadlineCatalog.For(DeadlineKind.PartsReplenishment), DeadlineTarget.Days(leadTimeDays), now, rules);
            opened = true;
        }

        Record(by, "partsReplenishmentOrdered", null, null,
            $"备件 {partNumber} 缺货，已下补货单 {replenishmentNumber}，备件周期 {leadTimeDays} 天{(opened ? string.Empty : "（沿用先前补货的时限）")}", now);
        UpdateNextDue();
    }

    /// <summary>The last open replenishment for this request arrived: the replenishment deadline is met or late.</summary>
    public void PartsReplenished(Actor by, string replenishmentNumber, DateTimeOffset now, ServiceRules rules)
    {
        var note = $"补货单 {replenishmentNumber} 已到货入库";
        if (_deadlines.FirstOrDefault(d => d.IsOpen && d.Kind == DeadlineKind.PartsReplenishment) is { } deadline)
        {
            if (deadline.Close(now))
            {
                OnBreached(deadline, now, rules);
            }

            AssessOnClose(deadline, now, rules);
            var lateBy = deadline.LateBy(now);
            note += lateBy > TimeSpan.Zero ? $"（超时 {DescribeLateness(lateBy)}）" : "（按时）";
        }

        Record(by, "partsReplenished", null, null, note, now);
        UpdateNextDue();
    }

    private static string DescribeLateness(TimeSpan lateBy) =>
        lateBy.TotalHours >= 24 ? $"{(int)lateBy.TotalDays} 天 {lateBy.Hours} 小时"
        : lateBy.TotalMinutes >= 60 ? $"{(int)lateBy.TotalHours} 小时 {lateBy.Minutes} 分钟"
        : $"{Math.Max(1, (int)Math.Ceiling(lateBy.TotalMinutes))} 分钟";
}
