using System.Globalization;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Policies.Pages;

/// <summary>
/// Words for policy figures: levels (the shared vocabulary, or "未定级" when none is set), units, accounts,
/// escalation steps and categories as the policy page words them (PolicyText).
/// </summary>
public static class PolicyLabels
{
    /// <summary>"2 小时", "3 个工作日" — as a Chinese service department writes a target; English when the UI is switched.</summary>
    public static string Target(DeadlineTarget target) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? target.ToChinese() : target.ToEnglish();

    public static string Fault(IStringLocalizer<UiText> l, IStringLocalizer<PolicyText> p, FaultLevel? level) => level is { } f ? l.Label(f) : p["Level.Unset"];

    public static string Service(IStringLocalizer<UiText> l, IStringLocalizer<PolicyText> p, ServiceLevel? level) => level is { } s ? l.Label(s) : p["Level.Unset"];

    public static string Status(IStringLocalizer<PolicyText> p, Domain.Policies.PolicyVersionStatus status) => p[$"Status.{status}"];

    public static string Unit(IStringLocalizer<PolicyText> p, DeadlineUnit unit) => p[$"Unit.{unit}"];

    public static string Account(IStringLocalizer<PolicyText> p, Domain.Penalties.PenaltyAccount account) => p[$"Account.{account}"];

    public static string Escalation(IStringLocalizer<PolicyText> p, Domain.Policies.EscalationTarget target) => p[$"Escalation.{target}"];

    public static string Category(IStringLocalizer<PolicyText> p, string category)
    {
        var text = p[$"Category.{category}"];
        return text.ResourceNotFound ? category : text;
    }
}
