namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the invoice pages' strings (issue 4 invoices, R-FEE-1): InvoiceText.resx holds Simplified Chinese
/// (the default), InvoiceText.en.resx English (R-X-2).
/// </summary>
public sealed class InvoiceText;
