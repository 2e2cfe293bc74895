namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the complaint pages' strings (R-CMP-1, R-CMP-2): ComplaintText.resx holds Simplified Chinese (the default),
/// ComplaintText.en.resx English (R-X-2).
/// </summary>
public sealed class ComplaintText;
