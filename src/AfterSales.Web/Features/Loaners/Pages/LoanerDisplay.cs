using System.Globalization;
using AfterSales.Domain.Loaners;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Features.Loaners.Pages;

/// <summary>How the loaner screens word locations, conditions and durations (R-X-2: Chinese first, English from resx).</summary>
public static class LoanerDisplay
{
    public static string Location(IStringLocalizer<LoanerText> t, LoanerLocation location) => t[$"Location.{location}"];

    public static string Condition(IStringLocalizer<LoanerText> t, LoanerCondition condition) => t[$"Condition.{condition}"];

    public static Color LocationColor(LoanerLocation location) => location switch
    {
        LoanerLocation.InPool => Color.Success,
        LoanerLocation.InTransit => Color.Info,
        LoanerLocation.AtCustomer => Color.Warning,
        LoanerLocation.UnderRepair => Color.Secondary,
        _ => Color.Default,
    };

    /// <summary>How long a loaner has been owed, e.g. "3 小时 20 分钟".</summary>
    public static string Since(IStringLocalizer<LoanerText> t, DateTimeOffset since, DateTimeOffset now)
    {
        var span = now > since ? now - since : TimeSpan.Zero;
        return string.Format(CultureInfo.CurrentCulture, t["Duration"], (int)span.TotalHours, span.Minutes);
    }

    public static string Owed(IStringLocalizer<LoanerText> t, DateTimeOffset since, DateTimeOffset now) =>
        string.Format(CultureInfo.CurrentCulture, t["Panel.OwedSince"], Display.Time(since), Since(t, since, now));

    public static string Failure(ILogger logger, Exception exception)
    {
        if (!ScopedOperations.IsRefusal(exception))
        {
            logger.LogError(exception, "Loaner operation failed");
        }

        return ScopedOperations.Describe(exception);
    }
}
