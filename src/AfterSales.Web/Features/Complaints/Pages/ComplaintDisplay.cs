using AfterSales.Domain.Complaints;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Features.Complaints.Pages;

/// <summary>How the complaint pages name and colour the complaint vocabulary (R-X-2: labels from ComplaintText).</summary>
public static class ComplaintDisplay
{
    public static string Status(IStringLocalizer<ComplaintText> t, ComplaintStatus status) => t[$"Status.{status}"];

    public static string Responsibility(IStringLocalizer<ComplaintText> t, ComplaintResponsibility responsibility) => t[$"Responsibility.{responsibility}"];

    public static string Channel(IStringLocalizer<ComplaintText> t, ComplaintChannel channel) => t[$"Channel.{channel}"];

    public static string Subject(IStringLocalizer<ComplaintText> t, ComplaintSubject subject) => t[$"Subject.{subject}"];

    public static string Compensation(IStringLocalizer<ComplaintText> t, CompensationKind kind) => t[$"Compensation.{kind}"];

    public static string Step(IStringLocalizer<ComplaintText> t, ComplaintStepKind kind) => t[$"Step.{kind}"];

    public static Color StatusColor(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Filed => Color.Warning,
        ComplaintStatus.Verified => Color.Info,
        ComplaintStatus.Rejected => Color.Default,
        ComplaintStatus.InProgress => Color.Primary,
        ComplaintStatus.Handled => Color.Secondary,
        _ => Color.Success,
    };

    /// <summary>The message for a failed operation: a refusal's own words; a fault is logged and described generically.</summary>
    public static string Failure(ILogger logger, Exception exception)
    {
        if (!ScopedOperations.IsRefusal(exception))
        {
            logger.LogError(exception, "Complaint operation failed");
        }

        return ScopedOperations.Describe(exception);
    }
}
