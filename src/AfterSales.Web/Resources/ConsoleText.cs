namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the console pages' strings (supplier/dealer queue, platform console, organisations and users):
/// ConsoleText.resx holds Simplified Chinese (the default), ConsoleText.en.resx English (R-X-2).
/// </summary>
public sealed class ConsoleText;
