using AfterSales.Domain.Invoices;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Features.Invoices.Pages;

/// <summary>How the invoice pages name and colour statuses (R-X-2: labels from InvoiceText).</summary>
public static class InvoiceDisplay
{
    public static string Status(IStringLocalizer<InvoiceText> t, InvoiceStatus status) => t[$"Status.{status}"];

    public static Color StatusColor(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => Color.Success,
        InvoiceStatus.Overdue => Color.Error,
        InvoiceStatus.PartiallyPaid => Color.Info,
        InvoiceStatus.Unpaid => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>The message for a failed operation: a refusal's own words; a fault is logged and described generically.</summary>
    public static string Failure(ILogger logger, Exception exception)
    {
        if (!ScopedOperations.IsRefusal(exception))
        {
            logger.LogError(exception, "Invoice operation failed");
        }

        return ScopedOperations.Describe(exception);
    }
}
