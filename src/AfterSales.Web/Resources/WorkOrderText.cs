namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the work-order screens' strings (issue 6, R-EXE-1, R-EXE-2): WorkOrderText.resx holds Simplified Chinese
/// (the default), WorkOrderText.en.resx English (R-X-2).
/// </summary>
public sealed class WorkOrderText;
