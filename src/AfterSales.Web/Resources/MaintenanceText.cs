namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the maintenance screens' strings (R-MNT-1, R-RV-2, R-EXE-3): MaintenanceText.resx holds Simplified Chinese
/// (the default), MaintenanceText.en.resx English (R-X-2).
/// </summary>
public sealed class MaintenanceText;
