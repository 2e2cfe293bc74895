using AfterSales.Domain.Organizations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Calendars;

/// <summary>
/// <c>/api/v1/calendars</c>: the working calendars deadlines run on (R-SLA-2) — read by everyone signed in, edited by the
/// platform admin, with a due-date preview to check a calendar (issue 3).
/// </summary>
public static class CalendarsApi
{
    public static IServiceCollection AddCalendarFeatures(this IServiceCollection services)
    {
        services.AddScoped<CalendarQueries>();
        services.AddScoped<CreateCalendar>();
        services.AddScoped<UpdateCalendar>();
        services.AddScoped<ImportHolidayYear>();
        services.AddScoped<PreviewDueAt>();
        services.AddSingleton<RecomputeCalendarDeadlines>();
        return services;
    }

    public static RouteGroupBuilder MapCalendarsApi(this RouteGroupBuilder api)
    {
        var calendars = api.MapGroup("/calendars").WithTags("Calendars 工作日历");

        calendars.MapGet("/", async ([FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, CalendarQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(pageSize, after, ct)))
            .WithSummary("工作日历列表 Working calendars with the years their holiday data covers")
            .WithDescription("Reference data for every signed-in user. missingYears lists this year and next when their holidays and make-up days are missing " +
                "(the ready check reports Degraded for the same gap, R-SLA-2).");

        calendars.MapGet("/{id}", async (string id, CalendarQueries queries, HttpResponse response, CancellationToken ct) =>
        {
            var view = await queries.GetAsync(id, ct);
            response.Headers.ETag = ETag(view.Version);
            return TypedResults.Ok(view);
        })
        .WithSummary("工作日历详情 One calendar: weekly hours per weekday, time zone, holidays, make-up working days, version, covered years")
        .WithDescription("Frames are \"HH:mm\" local times in timeZoneId (\"24:00\" ends a frame at midnight). openRequests counts the open requests whose policy runs on it — the ones a save recomputes. ETag carries the version.")
        .ProducesProblem(StatusCodes.Status404NotFound);

        calendars.MapPost("/", async Task<Created<CalendarView>> (CalendarInput input, CreateCalendar useCase, CalendarQueries queries, HttpResponse response, CancellationToken ct) =>
        {
            var view = await queries.GetAsync(await useCase.HandleAsync(input, ct), ct);
            response.Headers.ETag = ETag(view.Version);
            return TypedResults.Created($"/api/v1/calendars/{view.Id}", view);
        })
        .RequireAuthorization(Permissions.PoliciesManage)
        .WithSummary("新建工作日历 Create a working calendar (platform admin, permission policies.manage)")
        .WithDescription("Body: id (lower-case letters, digits, hyphens), name, timeZoneId (IANA, default Asia/Shanghai), alwaysOpen, weeklyHours { monday: [{ from: \"09:00\", to: \"12:00\" }, …], … }, " +
            "holidays [{ name, from, to }], makeUpWorkingDays [\"yyyy-MM-dd\"]. 400 names the field (weeklyHours.monday[1] for an overlapping frame, holidays[2].to for a holiday ending before it starts, " +
            "timeZoneId for an unknown zone); 409 (errors.id) when the id is taken.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);

        calendars.MapPut("/{id}", async Task<Ok<CalendarSaved>> (string id, CalendarInput input, UpdateCalendar useCase, CalendarQueries queries, HttpRequest request, CancellationToken ct) =>
        {
            var outcome = await useCase.HandleAsync(id, input, ReadIfMatch(request), ct);
            return Saved(await queries.GetAsync(id, ct), outcome, request.HttpContext.Response);
        })
        .RequireAuthorization(Permissions.PoliciesManage)
        .WithSummary("修改工作日历 Replace a calendar (platform admin, permission policies.manage); open deadlines on it are recomputed")
        .WithDescription("Same body as POST. Send If-Match with the ETag (version) you read: a stale one is 409. After the save every open deadline of the requests whose policy " +
            "runs on this calendar is recomputed from its start and pauses, in batches of 200 requests; recomputedRequests counts them, changedRequests those whose due instant moved " +
            "(each gets a timeline entry saying why). The recompute runs inline in this request, so a calendar behind very many open requests takes correspondingly long to save.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        calendars.MapPost("/{id}/years", async Task<Ok<CalendarSaved>> (string id, HolidayYearInput input, ImportHolidayYear useCase, CalendarQueries queries, HttpRequest request, CancellationToken ct) =>
        {
            var outcome = await useCase.HandleAsync(id, input, ReadIfMatch(request), ct);
            return Saved(await queries.GetAsync(id, ct), outcome, request.HttpContext.Response);
        })
        .RequireAuthorization(Permissions.PoliciesManage)
        .WithSummary("导入年度节假日 Import one year's holidays and make-up working days (platform admin, permission policies.manage)")
        .WithDescription("Body in the format of the State Council data file: { \"year\": 2027, \"holidays\": [{ \"name\": \"元旦\", \"from\": \"2027-01-01\", \"to\": \"2027-01-01\" }], " +
            "\"makeUpWorkingDays\": [\"2027-…\"] }. Replaces that year's entries (holidays starting in it, make-up days in it). If-Match as for PUT; open deadlines are recomputed the same way, inline. " +
            "422 (R-SLA-2) for a 24×7 calendar.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        calendars.MapGet("/{id}/due", async (string id, [FromQuery(Name = "start")] string? start, [FromQuery(Name = "duration")] string? duration,
                [FromQuery(Name = "mode")] DueMode? mode, [FromQuery(Name = "days")] string? days, PreviewDueAt useCase, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(id, new PreviewDueAt.Query(PreviewDueAt.ParseStart(start), PreviewDueAt.ParseDuration(duration), mode ?? DueMode.Working, ParseDays(days)), ct)))
            .WithSummary("时效预览 When a deadline started at start falls due on this calendar")
            .WithDescription("?start=2025-09-30T17:00:00+08:00&duration=PT8H&mode=working → dueAt 2025-10-09T16:00:00+08:00 (across National Day). mode: working (default; duration is working time), " +
                "clock (plain time), workingDays (with days=3 for \"3 个工作日\": the same time of day three working days later). duration is ISO-8601 (PT8H, P3D, PT30M). " +
                "400 names the bad parameter.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return calendars;
    }

    private static Ok<CalendarSaved> Saved(CalendarView view, RecomputeOutcome outcome, HttpResponse response)
    {
        response.Headers.ETag = ETag(view.Version);
        return TypedResults.Ok(new CalendarSaved(view, outcome.Recomputed, outcome.Changed));
    }

    private static int? ParseDays(string? days) =>
        string.IsNullOrWhiteSpace(days) ? null
        : int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw new Domain.Common.InvalidInput("days", $"days「{days}」须为非负整数，例如 3。");

    private static string ETag(int version) => $"\"{version}\"";

    /// <summary>If-Match carries the calendar version the client last read; a stale one is refused with 409 (API.md).</summary>
    private static int? ReadIfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*")
        {
            return null;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), out var version)
            ? version
            : throw new Domain.Common.InvalidInput("If-Match", "If-Match 须为日历的版本号（ETag）。");
    }
}
