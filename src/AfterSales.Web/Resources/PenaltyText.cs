namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the penalty and deposit pages' strings: PenaltyText.resx holds Simplified Chinese (the default),
/// PenaltyText.en.resx English (R-X-2).
/// </summary>
public sealed class PenaltyText;
