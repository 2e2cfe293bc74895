using System.Globalization;

namespace AfterSales.Domain.Deadlines;

/// <summary>
/// Units a policy states a deadline in. Clock units run around the clock; working units run only in
/// the calendar's working time (R-SLA-2): "2 小时" is clock time, "3 个工作日" is working time.
/// </summary>
public enum DeadlineUnit
{
    Minutes,
    Hours,
    Days,
    WorkingHours,
    WorkingDays,
}

/// <summary>A target such as "2 小时" or "3 个工作日".</summary>
public readonly record struct DeadlineTarget(int Amount, DeadlineUnit Unit)
{
    public static DeadlineTarget Minutes(int amount) => new(amount, DeadlineUnit.Minutes);

    public static DeadlineTarget Hours(int amount) => new(amount, DeadlineUnit.Hours);

    public static DeadlineTarget Days(int amount) => new(amount, DeadlineUnit.Days);

    public static DeadlineTarget WorkingHours(int amount) => new(amount, DeadlineUnit.WorkingHours);

    public static DeadlineTarget WorkingDays(int amount) => new(amount, DeadlineUnit.WorkingDays);

    public bool RunsOnWorkingTime => Unit is DeadlineUnit.WorkingHours or DeadlineUnit.WorkingDays;

    /// <summary>The target as a Chinese service department writes it.</summary>
    public string ToChinese() => Unit switch
    {
        DeadlineUnit.Minutes => $"{Amount} 分钟",
        DeadlineUnit.Hours => $"{Amount} 小时",
        DeadlineUnit.Days => $"{Amount} 天",
        DeadlineUnit.WorkingHours => $"{Amount} 个工作小时",
        DeadlineUnit.WorkingDays => $"{Amount} 个工作日",
        _ => Amount.ToString(CultureInfo.InvariantCulture),
    };

    public string ToEnglish() => Unit switch
    {
        DeadlineUnit.Minutes => $"{Amount} min",
        DeadlineUnit.Hours => $"{Amount} h",
        DeadlineUnit.Days => $"{Amount} days",
        DeadlineUnit.WorkingHours => $"{Amount} working hours",
        DeadlineUnit.WorkingDays => $"{Amount} working days",
        _ => Amount.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() => ToChinese();
}
