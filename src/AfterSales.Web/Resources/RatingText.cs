namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the rating pages' strings (R-RAT-1, R-RAT-2): RatingText.resx holds Simplified Chinese (the default),
/// RatingText.en.resx English (R-X-2).
/// </summary>
public sealed class RatingText;
