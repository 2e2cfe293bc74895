namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the shared UI strings: UiText.resx holds Simplified Chinese (the default), UiText.en.resx English (R-X-2).
/// </summary>
public sealed class UiText;
