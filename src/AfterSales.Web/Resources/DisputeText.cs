namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the dispute and arbitration screens' strings (R-DSP-1..3): DisputeText.resx holds Simplified Chinese (the
/// default), DisputeText.en.resx English (R-X-2).
/// </summary>
public sealed class DisputeText;
