using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Policies;

/// <summary>Where a policy version stands today among the versions of its key (R-SLA-1).</summary>
public enum PolicyVersionStatus
{
    /// <summary>现行: the latest version already in effect; new requests are filed under it.</summary>
    Current,

    /// <summary>待生效: announced, in effect from its date; requests filed before then keep the current one.</summary>
    Upcoming,

    /// <summary>已被取代: an older version; requests filed under it keep it.</summary>
    Superseded,
}

/// <summary>
/// 政策版本 (R-SLA-1): a rule change applies to requests filed after it takes effect and is announced
/// <see cref="NoticeWorkingDays"/> working days ahead ([000] "规则更新后提前 7 个工作日在平台公示"). Versions of one key
/// take effect in version order, so the version in force at an instant is the highest one already effective.
/// </summary>
public static class PolicyVersioning
{
    /// <summary>[000] 第五、其他条款: "更新后提前 7 个工作日在平台公示" — the platform's own notice period.</summary>
    public const int NoticeWorkingDays = 7;

    /// <summary>The calendar the notice is counted on: mainland working days (R-SLA-2).</summary>
    public const string NoticeCalendarId = WorkingCalendars.Cn918Id;

    /// <summary>Key of a supplier's own policy versions; its first version copies the preset it was on.</summary>
    public static string SupplierKey(string supplierCode) => $"supplier:{supplierCode.Trim().ToLowerInvariant()}";

    /// <summary>The earliest instant a version announced at <paramref name="now"/> may take effect.</summary>
    public static DateTimeOffset EarliestEffectiveFrom(DateTimeOffset now, WorkingCalendar noticeCalendar) =>
        noticeCalendar.AddWorkingDays(now, NoticeWorkingDays);

    /// <summary>Refuses an effective date inside the notice period, or before a version already announced for the key.</summary>
    public static void RequireNotice(DateTimeOffset effectiveFrom, DateTimeOffset now, WorkingCalendar noticeCalendar, ServicePolicy? latest)
    {
        var earliest = EarliestEffectiveFrom(now, noticeCalendar);
        if (effectiveFrom < earliest)
        {
            throw new WorkflowRuleViolation("R-SLA-1",
                $"政策变更须提前 {NoticeWorkingDays} 个工作日公示，最早生效时间为 {ServiceZone.ToLocal(earliest):yyyy-MM-dd HH:mm}（北京时间）。");
        }

        if (latest is not null && effectiveFrom < latest.EffectiveFrom)
        {
            throw new WorkflowRuleViolation("R-SLA-1",
                $"已公示的 v{latest.Version} 自 {ServiceZone.ToLocal(latest.EffectiveFrom):yyyy-MM-dd HH:mm} 起生效，新版本的生效时间不能早于它。");
        }
    }

    /// <summary>Status of each version of one key at <paramref name="now"/>.</summary>
    public static PolicyVersionStatus StatusOf(ServicePolicy policy, IEnumerable<ServicePolicy> versionsOfKey, DateTimeOffset now)
    {
        if (policy.EffectiveFrom > now)
        {
            return PolicyVersionStatus.Upcoming;
        }

        var current = versionsOfKey.Where(p => p.Key == policy.Key && p.EffectiveFrom <= now).MaxBy(p => p.Version);
        return current is null || current.Version == policy.Version ? PolicyVersionStatus.Current : PolicyVersionStatus.Superseded;
    }

    /// <summary>
    /// Checks a new version's figures before it is announced; refusals name the field as the API body does
    /// (<c>figures.deadlines.receive</c>). Every number must be usable by the deadline engine: no empty targets.
    /// </summary>
    public static void Validate(PolicyFigures? figures, Func<string, bool> calendarExists)
    {
        InvalidInput.Require(figures is not null, "figures", "请填写政策内容（时效、质保、违约金等）。");
        var f = figures!;
        InvalidInput.Require(!string.IsNullOrWhiteSpace(f.CalendarId) && calendarExists(f.CalendarId), "figures.calendarId", $"工作日历 {f.CalendarId} 不存在。");
        InvalidInput.Require(f.WarningPercent is >= 1 and <= 99, "figures.warningPercent", "预警比例须在 1–99 之间。");

        foreach (var (kind, target) in f.Deadlines ?? new Dictionary<DeadlineKind, DeadlineTarget>())
        {
            var field = $"figures.deadlines.{Camel(kind.ToString())}";
            InvalidInput.Require(Enum.IsDefined(kind), field, "未知的时效种类。");
            InvalidInput.Require(!DeadlineCatalog.For(kind).ByLevel, field,
                $"「{DeadlineKindNames.Chinese(kind)}」按故障等级与服务等级计时，请在分级时效（levelTargets）中设置。");
            RequireTarget(target, field, DeadlineKindNames.Chinese(kind));
            InvalidInput.Require(!DeadlineCatalog.For(kind).TargetFromEvent, field,
                $"「{DeadlineKindNames.Chinese(kind)}」的时限取自备件的供货周期，不在政策中设置。");
        }

        if (f.OtherCityArrival is { } otherCity)
        {
            // R-EXE-2 [003]: the other-city figure refines the on-site arrival target; alone it would never apply.
            RequireTarget(otherCity, "figures.otherCityArrival", "异地到场");
            InvalidInput.Require(f.Deadlines?.ContainsKey(DeadlineKind.OnSiteArrival) == true, "figures.otherCityArrival",
                "设置异地到场时限前，请先设置上门到位时限（同城）。");
        }

        var levels = f.LevelTargets ?? [];
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var field = $"figures.levelTargets[{i}]";
            InvalidInput.Require(level is not null && Enum.IsDefined(level.Kind) && DeadlineCatalog.For(level.Kind).ByLevel, field,
                "分级时效只能设置分级回复、分级到场或分级修复。");
            InvalidInput.Require(level!.Fault is null || Enum.IsDefined(level.Fault.Value), $"{field}.fault", "故障等级无效。");
            InvalidInput.Require(level.Service is null || Enum.IsDefined(level.Service.Value), $"{field}.service", "服务等级无效。");
            RequireTarget(level.Target, $"{field}.target", DeadlineKindNames.Chinese(level.Kind));
            InvalidInput.Require(!levels.Take(i).Any(other => other.Kind == level.Kind && other.Fault == level.Fault && other.Service == level.Service), field,
                "同一时效、故障等级与服务等级只能设置一个目标。");
        }

        var escalation = f.Escalation ?? [];
        for (var i = 0; i < escalation.Count; i++)
        {
            InvalidInput.Require(escalation[i] is not null && escalation[i].AfterBreach >= TimeSpan.Zero && Enum.IsDefined(escalation[i].Notify),
                $"figures.escalation[{i}]", "升级步骤须写明超时后多久、通知谁。");
            InvalidInput.Require(i == 0 || escalation[i].AfterBreach >= escalation[i - 1].AfterBreach, $"figures.escalation[{i}].afterBreach", "升级步骤须按时间先后排列。");
        }

        var penalties = f.Penalties ?? [];
        for (var i = 0; i < penalties.Count; i++)
        {
            var rule = penalties[i];
            var field = $"figures.penalties[{i}]";
            InvalidInput.Require(rule is not null && !string.IsNullOrWhiteSpace(rule.Code) && !string.IsNullOrWhiteSpace(rule.RuleId), field, "违约金规则须有编码和规则编号。");
            InvalidInput.Require(rule!.Kinds is { Count: > 0 } && rule.Kinds.All(k => Enum.IsDefined(k)), $"{field}.kinds", "违约金规则须指明适用的时效种类。");
            InvalidInput.Require(rule.Amount >= 0, $"{field}.amount", "违约金金额不能为负数。");
            InvalidInput.Require(rule.Grace >= TimeSpan.Zero, $"{field}.grace", "宽限时间不能为负数。");
        }

        InvalidInput.Require(f.Warranty is not null && f.Warranty.DefaultMonths >= 0 && f.Warranty.RepairedPartMonths >= 0, "figures.warranty", "质保期限不能为负数。");
        InvalidInput.Require(f.Attachments is not null && f.Attachments.MaxFileBytes > 0 && f.Attachments.MaxVideoBytes > 0 && f.Attachments.MaxFilesPerRequest > 0,
            "figures.attachments", "附件限制须大于 0。");
        InvalidInput.Require(f.RetentionYears >= 1, "figures.retentionYears", "档案保存年限至少 1 年。");

        // Invoices (R-FEE-1): a rate outside 0–100 %, a negative term or a runaway daily charge would put wrong money on
        // every invoice the version governs; rates carry at most two decimals, as tax rates and the seeds' 0.05 % do.
        InvalidInput.Require(f.InvoiceTaxRatePercent is >= 0 and <= 100 && decimal.Round(f.InvoiceTaxRatePercent, 2) == f.InvoiceTaxRatePercent,
            "figures.invoiceTaxRatePercent", "发票税率须在 0–100% 之间，最多两位小数（如 13、6、9）。");
        InvalidInput.Require(f.PaymentTermDays is >= 0 and <= 365, "figures.paymentTermDays", "付款期限须在 0–365 天之间。");
        InvalidInput.Require(f.LatePaymentPercentPerDay is null || (f.LatePaymentPercentPerDay > 0 && f.LatePaymentPercentPerDay <= 1
                && decimal.Round(f.LatePaymentPercentPerDay.Value, 4) == f.LatePaymentPercentPerDay.Value),
            "figures.latePaymentPercentPerDay", "逾期付款违约金须为每日 0–1% 之间（如 0.05），或不设。");
    }

    /// <summary>
    /// The figures as stored: a list or table the client sent as null becomes empty, so the workflow never meets a null
    /// (JSON can carry null where the type says "never").
    /// </summary>
    public static PolicyFigures Normalized(PolicyFigures figures) => figures with
    {
        Deadlines = figures.Deadlines ?? new Dictionary<DeadlineKind, DeadlineTarget>(),
        LevelTargets = figures.LevelTargets ?? [],
        Escalation = figures.Escalation ?? [],
        Penalties = figures.Penalties ?? [],
        RequiredMaterials = figures.RequiredMaterials ?? new Dictionary<ServiceType, IReadOnlyList<AttachmentKind>>(),
        VoucherKinds = figures.VoucherKinds ?? [],
        Notes = figures.Notes ?? [],
    };

    private static void RequireTarget(DeadlineTarget target, string field, string label)
    {
        InvalidInput.Require(Enum.IsDefined(target.Unit), $"{field}.unit", $"「{label}」的时限单位无效。");
        InvalidInput.Require(target.Amount is >= 1 and <= 10_000, $"{field}.amount", $"「{label}」的时限须为 1–10000 的整数。");
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
