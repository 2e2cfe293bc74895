namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the working-calendar pages' strings (platform console: calendars, their editor and the due-date preview):
/// CalendarText.resx holds Simplified Chinese (the default), CalendarText.en.resx English (R-X-2).
/// </summary>
public sealed class CalendarText;
