namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the policy-version page and the level, loaner and penalty parts of the request pages (R-SLA-1, R-IN-8,
/// R-EXE-7, R-PEN-*): PolicyText.resx holds Simplified Chinese (the default), PolicyText.en.resx English (R-X-2).
/// </summary>
public sealed class PolicyText;
