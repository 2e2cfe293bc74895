using System.Globalization;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Complaints;

/// <summary>Complaints (投诉台账, R-CMP-1, R-CMP-2) and staff suspensions under <c>/api/v1</c> (issue 5 §4).</summary>
public static class ComplaintsApi
{
    public static IServiceCollection AddComplaintFeatures(this IServiceCollection services)
    {
        services.AddScoped<ComplaintQueries>();
        services.AddScoped<FileComplaint>();
        services.AddScoped<ComplaintActions>();
        services.AddScoped<StaffSuspensions>();
        services.AddScoped<SuspensionGate>();
        return services;
    }

    public static RouteGroupBuilder MapComplaintsApi(this RouteGroupBuilder api)
    {
        const string filters = "Filters: status (filed, verified, rejected, inProgress, handled, closed), responsibility (productQuality, staffService, customerUse), "
            + "overdue (true: still 待核实 past its 24 h), q (part of the number, content or request number), requestId, filedFrom (inclusive) and filedTo (exclusive) as ISO-8601 instants.";

        var complaints = api.MapGroup("/complaints").WithTags("Complaints 投诉");
        complaints.MapPost("/", async (FileComplaint.Command command, FileComplaint useCase, ComplaintQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var view = await queries.GetAsync(await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct), ct);
                return TypedResults.Created($"/api/v1/complaints/{view.Complaint.Id}", view);
            })
            .WithSummary("提交投诉 File a complaint about a request, a person or the service (R-CMP-1)")
            .WithDescription("Body { \"subject\": \"request|person|service\", \"requestId\": \"SR-2026-000001 or id\", \"personUserId\": \"…\", \"organizationId\": \"…\", "
                + "\"channel\": \"portal|hotline|email|onSite|other\", \"content\": \"…\", \"desiredOutcome\": \"…\" }. Numbered TS-YYYY-NNNNNN; verification is due within 24 h (seed 003). "
                + "The complainant's organisation, the organisation complained about and the platform see it.");

        complaints.MapGet("/", async (
                [FromQuery(Name = "status")] ComplaintStatus? status,
                [FromQuery(Name = "responsibility")] ComplaintResponsibility? responsibility,
                [FromQuery(Name = "overdue")] string? overdue,
                [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "requestId")] Guid? requestId,
                [FromQuery(Name = "filedFrom")] string? filedFrom,
                [FromQuery(Name = "filedTo")] string? filedTo,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                ComplaintQueries queries,
                CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(Filter(status, responsibility, overdue, search, requestId, filedFrom, filedTo), pageSize, after, ct)))
            .WithSummary("投诉台账 The complaint ledger, newest first (R-CMP-1)")
            .WithDescription(filters);

        complaints.MapGet("/export", async (
                [FromQuery(Name = "status")] ComplaintStatus? status,
                [FromQuery(Name = "responsibility")] ComplaintResponsibility? responsibility,
                [FromQuery(Name = "overdue")] string? overdue,
                [FromQuery(Name = "q")] string? search,
                [FromQuery(Name = "requestId")] Guid? requestId,
                [FromQuery(Name = "filedFrom")] string? filedFrom,
                [FromQuery(Name = "filedTo")] string? filedTo,
                ComplaintQueries queries,
                TimeProvider clock,
                CancellationToken ct) =>
            {
                var bytes = await queries.ExportCsvAsync(Filter(status, responsibility, overdue, search, requestId, filedFrom, filedTo), ct);
                var day = ServiceZone.DateOf(clock.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                return TypedResults.File(bytes, "text/csv; charset=utf-8", $"complaints-{day}.csv");
            })
            .WithSummary("导出投诉台账 Export the ledger as CSV (UTF-8 with BOM, opens in Excel)")
            .WithDescription("The same filters as the list; at most 10 000 lines, newest first, times in Asia/Shanghai. " + filters);

        complaints.MapGet("/summary", async (
                [FromQuery(Name = "status")] ComplaintStatus? status,
                [FromQuery(Name = "responsibility")] ComplaintResponsibility? responsibility,
                [FromQuery(Name = "filedFrom")] string? filedFrom,
                [FromQuery(Name = "filedTo")] string? filedTo,
                ComplaintQueries queries,
                CancellationToken ct) =>
            TypedResults.Ok(await queries.SummaryAsync(Filter(status, responsibility, null, null, null, filedFrom, filedTo), ct)))
            .WithSummary("投诉分析 Complaint analysis (R-CMP-2)")
            .WithDescription("Counts by responsible party, month (Asia/Shanghai) and status; verification overdue and late; average hours from filing to verification and to closing; satisfied and unsatisfied feedback.");

        complaints.MapGet("/{id:guid}", async (Guid id, ComplaintQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("投诉详情 One complaint with its history and the actions the caller may take");

        complaints.MapPost("/{id:guid}/verify", async (Guid id, ComplaintActions.VerifyCommand command, ComplaintActions actions, ComplaintQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.VerifyAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("核实成立 Verify: name the responsible party (R-CMP-1)")
            .WithDescription("Body { \"responsibility\": \"productQuality|staffService|customerUse\", \"staffUserId\": \"…\" (staffService only), \"note\": \"…\" }. "
                + "The complained-about organisation's manager or the platform (complaints.verify); only while 待核实.");
        complaints.MapPost("/{id:guid}/reject", async (Guid id, ComplaintActions.ReasonCommand command, ComplaintActions actions, ComplaintQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.RejectAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("核实不成立 Reject as unfounded, with a reason")
            .WithDescription("Body { \"reason\": \"…\" }; complaints.verify, only while 待核实.");
        complaints.MapPost("/{id:guid}/start-handling", async (Guid id, ComplaintActions.NoteCommand command, ComplaintActions actions, ComplaintQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.StartHandlingAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("开始处理 Take a verified complaint on")
            .WithDescription("Body { \"note\": \"…\" } (optional); complaints.handle, the organisation complained about or the platform.");
        complaints.MapPost("/{id:guid}/handle", async (Guid id, ComplaintActions.HandleCommand command, ComplaintActions actions, ComplaintQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.HandleAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("处理完成 Record the handling and compensation (seed 003 §5.3)")
            .WithDescription("Body { \"notes\": \"…\", \"compensation\": \"none|waivedFee|credit|replacement\", \"compensationAmount\": 500.00 }; the amount in CNY to the fen, required for waivedFee and credit.");
        complaints.MapPost("/{id:guid}/close", async (Guid id, ComplaintActions.CloseCommand command, ComplaintActions actions, ComplaintQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.CloseAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("反馈并关闭 Close with the complainant's feedback")
            .WithDescription("Body { \"satisfied\": true|false, \"comment\": \"…\" (required when not satisfied) }; the complainant (or the platform recording hotline feedback), only when 已处理.");
        complaints.MapPost("/{id:guid}/reopen", async (Guid id, ComplaintActions.ReasonCommand command, ComplaintActions actions, ComplaintQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.ReopenAsync(id, command, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("重新打开 Reopen once after unsatisfied feedback")
            .WithDescription("Body { \"reason\": \"…\" }; back to 处理中. A satisfied or already reopened complaint is 422 R-CMP-1.");

        var staff = api.MapGroup("/staff").WithTags("Complaints 投诉");
        staff.MapGet("/{userId:guid}/suspension", async (Guid userId, StaffSuspensions suspensions, CancellationToken ct) => TypedResults.Ok(await suspensions.StatusAsync(userId, ct)))
            .WithSummary("停岗状态 Whether a staff member is suspended, with every suspension and retraining");
        staff.MapPost("/{userId:guid}/suspension", async (Guid userId, StaffSuspensions.SuspendCommand command, StaffSuspensions suspensions, HttpRequest http, CancellationToken ct) =>
            {
                await suspensions.SuspendAsync(userId, command, Idempotency.ReadKey(http), ct);
                return TypedResults.Ok(await suspensions.StatusAsync(userId, ct));
            })
            .WithSummary("停岗待培训 Suspend a staff member found at fault (R-CMP-1, seed 001)")
            .WithDescription("Body { \"complaintId\": \"…\", \"reason\": \"…\" }. The complaint must be verified with responsibility staffService naming this person. "
                + "A platform operator or admin, or the manager of the person's organisation (staff.suspend). While suspended the person's startService and completeService are 422 R-CMP-1.");
        staff.MapPost("/{userId:guid}/retraining", async (Guid userId, StaffSuspensions.RetrainingCommand command, StaffSuspensions suspensions, HttpRequest http, CancellationToken ct) =>
            {
                await suspensions.RecordRetrainingAsync(userId, command, Idempotency.ReadKey(http), ct);
                return TypedResults.Ok(await suspensions.StatusAsync(userId, ct));
            })
            .WithSummary("登记培训 Record the retraining, which lifts the suspension")
            .WithDescription("Body { \"trainedOn\": \"2026-11-25\", \"course\": \"服务礼仪与沟通技巧\", \"trainer\": \"…\" }.");
        return api;
    }

    private static ComplaintFilter Filter(ComplaintStatus? status, ComplaintResponsibility? responsibility, string? overdue, string? search, Guid? requestId, string? filedFrom, string? filedTo) =>
        new(status, responsibility, QueryValues.Flag(overdue, "overdue"), search, QueryValues.Instant(filedFrom, "filedFrom"), QueryValues.Instant(filedTo, "filedTo"), requestId);
}
