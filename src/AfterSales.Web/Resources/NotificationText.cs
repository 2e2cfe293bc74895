namespace AfterSales.Web.Resources;

/// <summary>
/// Marker for the notification bell, the notifications page and the deadline boards' strings:
/// NotificationText.resx holds Simplified Chinese (the default), NotificationText.en.resx English (R-X-2).
/// </summary>
public sealed class NotificationText;
