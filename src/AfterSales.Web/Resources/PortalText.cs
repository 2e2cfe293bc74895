namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the customer-portal page strings (request list, new-request form, asset list):
/// PortalText.resx holds Simplified Chinese (the default), PortalText.en.resx English (R-X-2).
/// </summary>
public sealed class PortalText;
