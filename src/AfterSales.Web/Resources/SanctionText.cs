namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the customer-sanction pages' strings (R-FRD-1): SanctionText.resx holds Simplified Chinese (the default),
/// SanctionText.en.resx English (R-X-2).
/// </summary>
public sealed class SanctionText;
