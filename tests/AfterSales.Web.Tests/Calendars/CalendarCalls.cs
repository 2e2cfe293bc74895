using System.Net.Http.Json;
using AfterSales.Web.Features.Calendars;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Calendars;

/// <summary>Calls the calendar tests share: read a calendar, write one back with If-Match, build a body from what was read.</summary>
internal static class CalendarCalls
{
    public static Task<CalendarView> CalendarAsync(this HttpClient client, string id) => client.GetAsync<CalendarView>($"/api/v1/calendars/{id}");

    public static Task<HttpResponseMessage> PutCalendarAsync(this HttpClient client, string id, object body, int? ifMatch = null) =>
        client.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/calendars/{id}", body, ifMatch);

    public static Task<HttpResponseMessage> ImportYearAsync(this HttpClient client, string id, object body, int? ifMatch = null) =>
        client.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/calendars/{id}/years", body, ifMatch);

    /// <summary>The calendar as read, as a PUT body: the view's weekly hours have the input's shape.</summary>
    public static object BodyOf(CalendarView calendar, IEnumerable<object>? holidays = null, object? weeklyHours = null, string? timeZoneId = null) => new
    {
        name = calendar.Name,
        timeZoneId = timeZoneId ?? calendar.TimeZoneId,
        alwaysOpen = calendar.AlwaysOpen,
        weeklyHours = weeklyHours ?? calendar.WeeklyHours,
        holidays = holidays ?? calendar.Holidays.Select(h => (object)new { name = h.Name, from = h.From, to = h.To }),
        makeUpWorkingDays = calendar.MakeUpWorkingDays,
    };

    private static Task<HttpResponseMessage> SendWithIfMatchAsync(this HttpClient client, HttpMethod method, string url, object body, int? ifMatch)
    {
        var message = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType(), options: AfterSalesApp.Json) };
        if (ifMatch is { } version)
        {
            message.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return client.SendAsync(message, TestContext.Current.CancellationToken);
    }
}
