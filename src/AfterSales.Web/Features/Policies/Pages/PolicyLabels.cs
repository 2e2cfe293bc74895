using System.Globalization;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Policies.Pages;

/// <summary>
/// Words for deadline kinds, levels, units and policy figures. The shared vocabulary (UiText) comes first; the kinds
/// and parties the deadline engine added (level and dealer deadlines) fall back to PolicyText until UiText has them.
/// </summary>
public static class PolicyLabels
{
    public static string Kind(IStringLocalizer<UiText> l, IStringLocalizer<PolicyText> p, DeadlineKind kind) => Shared(l, p, $"DeadlineKind.{kind}");

    public static string Party(IStringLocalizer<UiText> l, IStringLocalizer<PolicyText> p, DeadlineParty party) => Shared(l, p, $"DeadlineParty.{party}");

    /// <summary>A workflow action's label, e.g. classifyLevel → 调整故障等级.</summary>
    public static string Action(IStringLocalizer<UiText> l, IStringLocalizer<PolicyText> p, string action) =>
        Shared(l, p, $"Action.{char.ToUpperInvariant(action[0])}{action[1..]}");

    /// <summary>"2 小时", "3 个工作日" — as a Chinese service department writes a target; English when the UI is switched.</summary>
    public static string Target(DeadlineTarget target) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? target.ToChinese() : target.ToEnglish();

    public static string Fault(IStringLocalizer<PolicyText> p, FaultLevel? level) => level is { } f ? p[$"FaultLevel.{f}"] : p["Level.Unset"];

    public static string Service(IStringLocalizer<PolicyText> p, ServiceLevel? level) => level is { } s ? p[$"ServiceLevel.{s}"] : p["Level.Unset"];

    public static string Status(IStringLocalizer<PolicyText> p, Domain.Policies.PolicyVersionStatus status) => p[$"Status.{status}"];

    public static string Unit(IStringLocalizer<PolicyText> p, DeadlineUnit unit) => p[$"Unit.{unit}"];

    public static string Account(IStringLocalizer<PolicyText> p, Domain.Penalties.PenaltyAccount account) => p[$"Account.{account}"];

    public static string Escalation(IStringLocalizer<PolicyText> p, Domain.Policies.EscalationTarget target) => p[$"Escalation.{target}"];

    public static string Category(IStringLocalizer<PolicyText> p, string category)
    {
        var text = p[$"Category.{category}"];
        return text.ResourceNotFound ? category : text;
    }

    private static string Shared(IStringLocalizer<UiText> l, IStringLocalizer<PolicyText> p, string key)
    {
        var text = l[key];
        return text.ResourceNotFound ? p[key] : text;
    }
}
