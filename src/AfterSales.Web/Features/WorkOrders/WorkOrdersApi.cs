using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>Work orders (工单), engineers and dispatch under <c>/api/v1</c> (issue 6 §1–3, §9; R-EXE-1, R-EXE-2).</summary>
public static class WorkOrdersApi
{
    public static IServiceCollection AddWorkOrderFeatures(this IServiceCollection services)
    {
        services.AddScoped<WorkOrderQueries>();
        services.AddScoped<CreateWorkOrder>();
        services.AddScoped<WorkOrderActions>();
        services.AddScoped<SaveEngineerProfile>();
        services.AddScoped<OpenWorkOrderGate>();
        return services;
    }

    public static RouteGroupBuilder MapWorkOrdersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/work-orders").WithTags("Work orders 工单");
        group.MapPost("/", async (CreateWorkOrder.Command command, CreateWorkOrder useCase, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
            {
                var view = await queries.GetAsync(await useCase.HandleAsync(command, Idempotency.ReadKey(http), ct), ct);
                return TypedResults.Created($"/api/v1/work-orders/{view.Id}", view);
            })
            .WithSummary("创建工单 Create a work order under a service request")
            .WithDescription("Body { \"requestId\": \"SR-… or id\", \"kind\": \"remote|onSite|partsShipment|returnToFactory|replacement|loaner|inspection\", \"summary\": \"…\", "
                + "\"requiredSkill\": \"数控系统\", \"requiredCertificate\": \"electrician|maintenanceCertification|workingAtHeight|specialEquipment\", \"siteAccess\": \"…\", "
                + "\"scheduledStart\": \"…\", \"scheduledEnd\": \"…\", \"remoteToolLink\": \"https://…\" }. Numbered GD-YYYY-NNNNNN; the asset's installation site is the work site. "
                + "Supplier staff with workOrders.dispatch of the request's supplier.");

        group.MapGet("/", async (
                [FromQuery(Name = "requestId")] Guid? requestId,
                [FromQuery(Name = "status")] WorkOrderStatus? status,
                [FromQuery(Name = "kind")] WorkOrderKind? kind,
                [FromQuery(Name = "open")] string? open,
                [FromQuery(Name = "mine")] string? mine,
                [FromQuery(Name = "page[size]")] int? pageSize,
                [FromQuery(Name = "page[after]")] string? after,
                WorkOrderQueries queries,
                CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(new WorkOrderFilter(requestId, status, kind, QueryValues.Flag(open, "open"), QueryValues.Flag(mine, "mine")), pageSize, after, ct)))
            .WithSummary("工单列表 Work orders the caller may see, newest first")
            .WithDescription("Filters: requestId, status (created, scheduled, dispatched, inProgress, awaitingConfirmation, done, cancelled), kind, open (true/false), mine (assigned to me). "
                + "The request's customer, supplier (an engineer: only their own) and dealer see them.");

        group.MapGet("/today", async (WorkOrderQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.TodayAsync(ct)))
            .WithSummary("我的今日工单 The caller's open work orders and those finished today (engineer's phone view)");

        group.MapGet("/board", async (WorkOrderQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.BoardAsync(ct)))
            .WithSummary("派工看板 Open on-site work with the due arrival and ranked engineer suggestions (R-EXE-2)")
            .WithDescription("Due arrival: 24 h from creation for an engineer based in the site's city, 48 h otherwise. Suggestions rank a valid required certificate, "
                + "skill match, same city, then the fewest open work orders.");

        group.MapGet("/{id:guid}", async (Guid id, WorkOrderQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("工单详情 One work order with its timeline and the actions the caller may take");

        group.MapGet("/{id:guid}/suggestions", async (Guid id, WorkOrderQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SuggestionsAsync(id, ct)))
            .WithSummary("派工推荐 Engineers ranked for this work order (R-EXE-2)");

        group.MapPost("/{id:guid}/schedule", async (Guid id, WorkOrderActions.ScheduleCommand c, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.ScheduleAsync(id, c, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("排期 Schedule: the agreed remote window and tool link, or the planned visit (R-EXE-1)")
            .WithDescription("Body { \"scheduledStart\": \"…\", \"scheduledEnd\": \"…\", \"remoteToolLink\": \"https://…\", \"siteAccess\": \"…\" }.");
        group.MapPost("/{id:guid}/dispatch", async (Guid id, WorkOrderActions.DispatchCommand c, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.DispatchAsync(id, c, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("派工 Dispatch to an engineer (R-EXE-2)")
            .WithDescription("Body { \"engineerUserId\": \"…\" }. An engineer whose certificate of the required type has expired is 422 R-EXE-2, naming the certificate.");
        group.MapPost("/{id:guid}/authorize", async (Guid id, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.AuthorizeAsync(id, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("授权远程服务 The customer authorises the remote session (R-EXE-1, R-SEC-1)")
            .WithDescription("No body. A confidentiality agreement of the pair, where one is kept, must be in force (422 R-SEC-1).");
        group.MapPost("/{id:guid}/checkIn", async (Guid id, WorkOrderActions.NoteCommand? c, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.CheckInAsync(id, c ?? new(null), Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("签到 Check in on arrival (or start the remote session); lateness is recorded (R-EXE-2)")
            .WithDescription("Body { \"note\": \"…\" } (optional). The assigned engineer (or a dispatcher). Remote work needs the customer's authorisation first (422 R-EXE-1).");
        group.MapPost("/{id:guid}/record", async (Guid id, WorkOrderActions.RecordCommand c, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.RecordAsync(id, c, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("记录 Note, step and parameter change, test run, cause and prevention (R-EXE-1, R-EXE-2)")
            .WithDescription("Body { \"note\": \"…\", \"step\": \"…\", \"parameter\": \"P-101\", \"oldValue\": \"…\", \"newValue\": \"…\", \"testRunHours\": 2, \"testRunResult\": \"…\", "
                + "\"cause\": \"…\", \"prevention\": \"…\" } — any of them, while in progress.");
        group.MapPost("/{id:guid}/signRepairSheet", async (Guid id, WorkOrderActions.SignCommand c, WorkOrderActions actions, WorkOrderQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.SignRepairSheetAsync(id, c, ct), ct)))
            .WithSummary("维修单签字 The customer signs the repair sheet (R-EXE-2)")
            .WithDescription("Body { \"signerName\": \"张工\", \"signaturePng\": \"data:image/png;base64,…\" }. Stored as a serviceReport attachment (image/png) of the request.");
        group.MapPost("/{id:guid}/photos", async (Guid id, IFormFile? file, WorkOrderActions actions, WorkOrderQueries queries, CancellationToken ct) =>
            {
                Domain.Common.InvalidInput.Require(file is not null, "file", "请选择照片。");
                return TypedResults.Ok(await queries.GetAsync(await actions.AddPhotoAsync(id, file!.FileName, file.OpenReadStream, ct), ct));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ServiceRequests.ServiceRequestsApi.MaxUploadBytes))
            .WithSummary("现场照片 Upload a site photo (multipart: file); stored as a sitePhoto attachment of the request");
        group.MapPost("/{id:guid}/checkOut", async (Guid id, WorkOrderActions.NoteCommand? c, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.CheckOutAsync(id, c ?? new(null), Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("签退 Check out: on-site work is done (needs the signed repair sheet); remote work awaits the customer's confirmation")
            .WithDescription("Body { \"note\": \"…\" } (optional).");
        group.MapPost("/{id:guid}/confirm", async (Guid id, WorkOrderActions.ConfirmCommand c, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.ConfirmAsync(id, c, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("远程服务确认 The customer confirms completed / needs follow-up (R-EXE-1)")
            .WithDescription("Body { \"outcome\": \"completed|needsFollowUp\", \"note\": \"…\" }. needsFollowUp opens a follow-up remote work order under the same request.");
        group.MapPost("/{id:guid}/cancel", async (Guid id, WorkOrderActions.ReasonCommand c, WorkOrderActions actions, WorkOrderQueries queries, HttpRequest http, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(await actions.CancelAsync(id, c, Idempotency.ReadKey(http), ct), ct)))
            .WithSummary("取消 Cancel before the work starts, with a reason");

        var engineers = api.MapGroup("/engineers").WithTags("Work orders 工单");
        engineers.MapGet("/", async (WorkOrderQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.EngineersAsync(ct)))
            .WithSummary("工程师 The supplier's engineers with skills, certificates (valid today or not), base city and open work orders");
        engineers.MapPut("/{userId:guid}", async (Guid userId, SaveEngineerProfile.Command command, SaveEngineerProfile useCase, WorkOrderQueries queries, CancellationToken ct) =>
            {
                await useCase.HandleAsync(userId, command, ct);
                return TypedResults.Ok((await queries.EngineersAsync(ct)).Single(e => e.UserId == userId));
            })
            .WithSummary("工程师档案 Record an engineer's skills, certificates, base city and calendar (R-EXE-2)")
            .WithDescription("Body { \"baseCity\": \"苏州\", \"calendarId\": \"cn-9-18\", \"skills\": [\"数控系统\"], \"certificates\": [ { \"type\": \"electrician\", \"number\": \"…\", \"expiresOn\": \"2027-06-30\" } ] }.");
        return api;
    }
}
