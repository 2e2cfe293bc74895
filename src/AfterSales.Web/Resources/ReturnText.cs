namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the return-to-factory and replacement panel's strings (R-EXE-5, R-EXE-6): ReturnText.resx holds Simplified
/// Chinese (the default), ReturnText.en.resx English (R-X-2).
/// </summary>
public sealed class ReturnText;
