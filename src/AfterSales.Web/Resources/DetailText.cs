namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the service-request detail page's strings: DetailText.resx holds Simplified Chinese (the default),
/// DetailText.en.resx English (R-X-2).
/// </summary>
public sealed class DetailText;
