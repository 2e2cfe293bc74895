namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the loaner screens' strings (备用机, R-EXE-7): LoanerText.resx holds Simplified Chinese (the default),
/// LoanerText.en.resx English (R-X-2).
/// </summary>
public sealed class LoanerText;
