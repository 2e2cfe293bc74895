using System.Globalization;
using AfterSales.Domain.Common;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Components.Shared;

/// <summary>How the UI writes times, money and enum values: Asia/Shanghai times, CNY amounts, labels from UiText (R-X-2).</summary>
public static class Display
{
    public static string Time(DateTimeOffset? instant) =>
        instant is { } value ? ServiceZone.ToLocal(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Money(Domain.Money.Money money) =>
        money.Currency == Domain.Money.Money.Cny
            ? "¥" + money.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture)
            : $"{money.Currency} {money.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture)}";

    /// <summary>Remaining time as a service desk says it: "剩余 1 小时 20 分" / "超时 3 小时".</summary>
    public static string Remaining(IStringLocalizer<UiText> l, DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        var span = left.Duration();
        string text = span.TotalDays >= 1 ? string.Format(CultureInfo.CurrentCulture, l["Time.DaysHours"], (int)span.TotalDays, span.Hours)
            : span.TotalHours >= 1 ? string.Format(CultureInfo.CurrentCulture, l["Time.HoursMinutes"], (int)span.TotalHours, span.Minutes)
            : string.Format(CultureInfo.CurrentCulture, l["Time.MinutesSeconds"], span.Minutes, span.Seconds);
        return string.Format(CultureInfo.CurrentCulture, left >= TimeSpan.Zero ? l["Time.Left"] : l["Time.Overdue"], text);
    }

    public static string Label<T>(this IStringLocalizer<UiText> l, T value) where T : struct, Enum
    {
        var prefix = typeof(T).Name switch
        {
            "ServiceRequestStatus" => "Status",
            "ServiceRequestAction" => "Action",
            "JudgementOutcome" => "Outcome",
            var name => name,
        };
        return l[$"{prefix}.{value}"];
    }

    public static string ActionLabel(this IStringLocalizer<UiText> l, string actionName) =>
        l[$"Action.{char.ToUpperInvariant(actionName[0])}{actionName[1..]}"];
}
