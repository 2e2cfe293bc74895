using AfterSales.Domain.Common;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Domain.Ratings;

/// <summary>
/// 供应商月度评级 (R-RAT-1): one supplier's grade for one month, with the inputs it was computed from. There is at most one
/// per supplier and month (unique in the database), so a job that runs twice or on several instances rates once.
/// A D suspends the supplier's after-sales rights (暂停售后权限) for the sanction month — the month(s) after the rated
/// one — from the moment of rating; the suspension ends by itself when that month ends. The platform may override the
/// grade with a reason, which starts or lifts the suspension accordingly. Audited (R-X-4).
/// </summary>
public sealed class SupplierRating
{
    private SupplierRating()
    {
        Month = string.Empty;
        SupplierName = string.Empty;
        ComputedBy = string.Empty;
        Inputs = RatingInputs.None;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string SupplierName { get; private set; }

    /// <summary>The rated month, "yyyy-MM" (Asia/Shanghai).</summary>
    public string Month { get; private set; }

    public RatingInputs Inputs { get; private set; }

    public decimal? TimelinessPercent { get; private set; }

    public decimal? SatisfactionPercent { get; private set; }

    public decimal? ResolutionPercent { get; private set; }

    /// <summary>0–100, or null when the month had no data.</summary>
    public decimal? Score { get; private set; }

    /// <summary>The grade the scheme gave; null = no data.</summary>
    public RatingGrade? ComputedGrade { get; private set; }

    /// <summary>The grade in force: the computed one, or the platform's override.</summary>
    public RatingGrade? Grade { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }

    public string ComputedBy { get; private set; }

    public DateTimeOffset? SuspendedFrom { get; private set; }

    /// <summary>When the rights return (exclusive); the suspension is over from this instant on.</summary>
    public DateTimeOffset? SuspendedUntil { get; private set; }

    public RatingGrade? OverriddenFrom { get; private set; }

    public string? OverrideReason { get; private set; }

    public string? OverriddenBy { get; private set; }

    public DateTimeOffset? OverriddenAt { get; private set; }

    public RatingMonth RatedMonth => RatingMonth.Parse(Month);

    public bool HasData => Score is not null;

    public bool IsSuspendedAt(DateTimeOffset now) => SuspendedFrom <= now && now < SuspendedUntil;

    /// <summary>Rates a supplier for a month that has ended.</summary>
    public static SupplierRating Compute(Guid id, Guid supplierId, string supplierName, RatingMonth month, RatingInputs inputs, RatingScheme scheme, string by, DateTimeOffset now)
    {
        if (now < month.End)
        {
            throw new InvalidInput("month", $"{month.ToChinese()}尚未结束，月末后才能评级。");
        }

        var score = RatingCalculator.Score(inputs, scheme);
        var rating = new SupplierRating
        {
            Id = id,
            SupplierId = supplierId,
            SupplierName = supplierName,
            Month = month.ToString(),
            Inputs = inputs,
            TimelinessPercent = score.Timeliness,
            SatisfactionPercent = score.Satisfaction,
            ResolutionPercent = score.Resolution,
            Score = score.Score,
            ComputedGrade = score.Grade,
            Grade = score.Grade,
            ComputedAt = now,
            ComputedBy = by,
        };
        rating.ApplySanction(scheme, now);
        return rating;
    }

    /// <summary>
    /// 平台调整评级: the platform sets the grade with a reason. Moving to D suspends from now until the sanction month
    /// ends; moving away from D lifts a running suspension now. The first override keeps the computed grade visible.
    /// </summary>
    public void Override(Actor by, RatingGrade? grade, string? reason, RatingScheme scheme, DateTimeOffset now)
    {
        if (by.Party != PartyKind.Platform || !by.Has(Permissions.RatingsManage))
        {
            throw new ActionNotPermitted("override", "只有平台运营或平台管理员可以调整评级。");
        }

        InvalidInput.Require(grade is not null, "grade", "请选择调整后的等级（A、B、C、D）。");
        var text = InvalidInput.Text(reason, "reason", "调整原因", 500);
        if (grade == Grade)
        {
            throw new WorkflowRuleViolation("R-RAT-1", $"评级已是 {grade} 级，无需调整。");
        }

        OverriddenFrom = Grade;
        Grade = grade;
        OverrideReason = text;
        OverriddenBy = by.Name;
        OverriddenAt = now;
        if (grade == RatingGrade.D)
        {
            ApplySanction(scheme, now);
        }
        else if (IsSuspendedAt(now))
        {
            SuspendedUntil = now;
        }
    }

    /// <summary>The refusal a new request to a suspended supplier gets (R-RAT-1), naming the date the rights return.</summary>
    public WorkflowRuleViolation Refusal() => new(
        "R-RAT-1",
        $"{SupplierName}{RatedMonth.ToChinese()}月度评级为 D 级，售后权限暂停至 {SuspensionEndText()}（北京时间），期间不能受理新的售后申请。");

    /// <summary>The instant the rights return, as Shanghai wall time, e.g. "2027-01-01 00:00".</summary>
    public string SuspensionEndText() =>
        SuspendedUntil is { } until ? ServiceZone.ToLocal(until).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The sanction month ends where the rated month plus the suspension months end.</summary>
    private void ApplySanction(RatingScheme scheme, DateTimeOffset now)
    {
        if (Grade != RatingGrade.D)
        {
            return;
        }

        var until = RatedMonth.AddMonths(1 + scheme.SuspensionMonths).Start;
        if (until > now)
        {
            SuspendedFrom = now;
            SuspendedUntil = until;
        }
    }
}
