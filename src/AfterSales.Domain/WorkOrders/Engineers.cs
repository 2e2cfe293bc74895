using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.WorkOrders;

/// <summary>资质证书类型 (R-EXE-2).</summary>
public enum CertificateType
{
    /// <summary>电工证</summary>
    Electrician,

    /// <summary>维修资质认证</summary>
    MaintenanceCertification,

    /// <summary>高处作业证</summary>
    WorkingAtHeight,

    /// <summary>特种设备作业证</summary>
    SpecialEquipment,
}

/// <summary>资质证书: type, number and the last day it is valid.</summary>
public sealed record QualificationCertificate(CertificateType Type, string Number, DateOnly ExpiresOn)
{
    public bool IsValidOn(DateOnly day) => day <= ExpiresOn;
}

/// <summary>
/// 工程师档案 (R-EXE-2): a supplier's service engineer (a user of the supplier) with skills, qualification certificates,
/// base city and working calendar. Dispatch reads it; its certificates decide who may take certified work.
/// </summary>
public sealed class EngineerProfile
{
    private EngineerProfile()
    {
        Name = string.Empty;
        BaseCity = string.Empty;
    }

    public Guid UserId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Name { get; private set; }

    public string BaseCity { get; private set; }

    /// <summary>The working calendar the engineer's hours follow (R-SLA-2 calendars).</summary>
    public string? CalendarId { get; private set; }

    public IReadOnlyList<string> Skills { get; private set; } = [];

    public IReadOnlyList<QualificationCertificate> Certificates { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>建立或更新档案: only a dispatcher of the engineer's own supplier.</summary>
    public static EngineerProfile Create(Guid userId, Guid organizationId, string name, Actor by, DateTimeOffset now)
    {
        EnsureManager(by, organizationId);
        return new EngineerProfile { UserId = userId, OrganizationId = organizationId, Name = InvalidInput.Text(name, "name", "姓名", 100), UpdatedAt = now };
    }

    public void Update(Actor by, string? baseCity, string? calendarId, IReadOnlyList<string>? skills, IReadOnlyList<QualificationCertificate>? certificates, DateTimeOffset now)
    {
        EnsureManager(by, OrganizationId);
        BaseCity = InvalidInput.Text(baseCity, "baseCity", "常驻城市", 50);
        CalendarId = InvalidInput.OptionalText(calendarId, "calendarId", "工作日历", 50);
        var cleanSkills = (skills ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        InvalidInput.Require(cleanSkills.All(s => s.Length <= 50), "skills", "每项技能不能超过 50 个字符。");
        var cleanCertificates = (certificates ?? []).Select((c, i) =>
            c with { Number = InvalidInput.Text(c.Number, $"certificates[{i}].number", "证书编号", 50) }).ToList();
        Skills = cleanSkills;
        Certificates = cleanCertificates;
        UpdatedAt = now;
        Version++;
    }

    public QualificationCertificate? ValidCertificate(CertificateType type, DateOnly day) =>
        Certificates.Where(c => c.Type == type && c.IsValidOn(day)).OrderByDescending(c => c.ExpiresOn).FirstOrDefault();

    public bool HasSkill(string? skill) => skill is null || Skills.Contains(skill, StringComparer.OrdinalIgnoreCase);

    private static void EnsureManager(Actor by, Guid organizationId)
    {
        if (by != Actor.System && (!by.Has(Permissions.WorkOrdersDispatch) || by.OrganizationId != organizationId))
        {
            throw new ActionNotPermitted("engineerProfile", "只有本供应商的客服或经理可以维护工程师档案。");
        }
    }
}

/// <summary>
/// 到场时限 (R-EXE-2, seed 003): an engineer based in the site's city must arrive within 24 h, from another city within
/// 48 h, counted in clock hours from the work order's creation. The seed states hours, not working hours, so the
/// deadline engine's working calendars do not apply; the engineer's calendar is kept for planning only.
/// </summary>
public static class ArrivalDeadline
{
    public static readonly TimeSpan SameCity = TimeSpan.FromHours(24);
    public static readonly TimeSpan OtherCity = TimeSpan.FromHours(48);

    public static bool IsSameCity(string? engineerCity, string? siteCity) =>
        engineerCity is not null && siteCity is not null && string.Equals(engineerCity.Trim(), siteCity.Trim(), StringComparison.OrdinalIgnoreCase);

    public static DateTimeOffset DueAt(DateTimeOffset from, string? engineerCity, string? siteCity) =>
        from + (IsSameCity(engineerCity, siteCity) ? SameCity : OtherCity);

    public static string Describe(string? engineerCity, string? siteCity) => IsSameCity(engineerCity, siteCity) ? "同城 24 小时" : "异地 48 小时";
}

/// <summary>
/// The arrival the request's policy promises (R-EXE-2): its on-site arrival deadline, for an engineer from the site's
/// city and for one from another. Where the policy sets no arrival time, <see cref="ArrivalDeadline"/>'s 24 h / 48 h
/// from the work order's creation stands in, so the engineer still sees when to be there.
/// </summary>
public sealed record ArrivalPromise(DateTimeOffset? SameCity, DateTimeOffset? OtherCity)
{
    public static ArrivalPromise None { get; } = new(null, null);

    public DateTimeOffset DueAt(WorkOrder order, string? engineerCity)
    {
        var sameCity = ArrivalDeadline.IsSameCity(engineerCity, order.SiteCity);
        return (sameCity ? SameCity : OtherCity) ?? ArrivalDeadline.DueAt(order.CreatedAt, engineerCity, order.SiteCity);
    }

    public string Describe(WorkOrder order, string? engineerCity) =>
        (ArrivalDeadline.IsSameCity(engineerCity, order.SiteCity) ? SameCity : OtherCity) is null
            ? ArrivalDeadline.Describe(engineerCity, order.SiteCity)
            : ArrivalDeadline.IsSameCity(engineerCity, order.SiteCity) ? "同城，按售后政策" : "异地，按售后政策";
}

/// <summary>One engineer as the dispatch board weighs them for a work order.</summary>
public sealed record DispatchCandidate(EngineerProfile Engineer, int OpenWorkOrders);

/// <summary>A ranked suggestion: why this engineer, and whether the certificate rule lets them take it.</summary>
public sealed record DispatchSuggestion(
    Guid UserId,
    string Name,
    string BaseCity,
    bool SkillMatch,
    bool CertificateValid,
    bool SameCity,
    int OpenWorkOrders,
    DateTimeOffset ArrivalDueAt,
    string? Blocker);

/// <summary>
/// 派工推荐 (R-EXE-2): engineers who may take the work first (a valid certificate where one is needed), then skill match,
/// same city (24 h instead of 48 h), then the lightest current load, then name.
/// </summary>
public static class DispatchRanking
{
    public static IReadOnlyList<DispatchSuggestion> Rank(WorkOrder order, IEnumerable<DispatchCandidate> candidates, DateTimeOffset now, ArrivalPromise? promise = null)
    {
        promise ??= ArrivalPromise.None;
        var today = ServiceZone.DateOf(now);
        return [.. candidates
            .Select(c =>
            {
                var engineer = c.Engineer;
                var certificateOk = order.RequiredCertificate is not { } type || engineer.ValidCertificate(type, today) is not null;
                var blocker = certificateOk ? null : Blocker(engineer, order.RequiredCertificate!.Value);
                return new DispatchSuggestion(engineer.UserId, engineer.Name, engineer.BaseCity, engineer.HasSkill(order.RequiredSkill), certificateOk,
                    ArrivalDeadline.IsSameCity(engineer.BaseCity, order.SiteCity), c.OpenWorkOrders,
                    promise.DueAt(order, engineer.BaseCity), blocker);
            })
            .OrderByDescending(s => s.CertificateValid)
            .ThenByDescending(s => s.SkillMatch)
            .ThenByDescending(s => s.SameCity)
            .ThenBy(s => s.OpenWorkOrders)
            .ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static string Blocker(EngineerProfile engineer, CertificateType type) =>
        engineer.Certificates.Where(c => c.Type == type).OrderByDescending(c => c.ExpiresOn).FirstOrDefault() is { } expired
            ? $"{WorkOrderNames.Certificate(type)}已于 {expired.ExpiresOn:yyyy-MM-dd} 过期"
            : $"无{WorkOrderNames.Certificate(type)}";
}

/// <summary>Open work orders refuse the request's completion (R-WO-1, issue 6 §1).</summary>
public static class WorkOrderRules
{
    public const string CompletionRule = "R-WO-1";

    public static void EnsureNoneOpen(IEnumerable<(string Number, WorkOrderStatus Status)> workOrders)
    {
        var open = workOrders.Where(w => WorkOrderWorkflow.IsOpen(w.Status)).ToList();
        if (open.Count > 0)
        {
            throw new WorkflowRuleViolation(CompletionRule,
                $"售后单还有未完成的工单：{string.Join("、", open.Select(w => $"{w.Number}（{WorkOrderNames.Status(w.Status)}）"))}。请先完成或取消这些工单再完成服务。");
        }
    }
}
