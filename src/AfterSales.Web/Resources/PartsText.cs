namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the spare-parts strings — the navigation and the parts pages (issue 6, R-EXE-4, R-KPI-4, R-DLR-2):
/// PartsText.resx holds Simplified Chinese (the default), PartsText.en.resx English (R-X-2).
/// </summary>
public sealed class PartsText;
