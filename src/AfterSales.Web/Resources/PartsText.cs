namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the spare-parts navigation strings (issue 6, R-EXE-4, R-KPI-4): PartsText.resx holds Simplified Chinese
/// (the default), PartsText.en.resx English (R-X-2).
/// </summary>
public sealed class PartsText;
