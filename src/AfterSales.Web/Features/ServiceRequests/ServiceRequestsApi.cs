using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Features.ServiceRequests.Attachments;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.ServiceRequests;

/// <summary><c>/api/v1/service-requests</c>: create, list, read, attachments and the workflow actions (API.md).</summary>
public static class ServiceRequestsApi
{
    public static RouteGroupBuilder MapServiceRequestsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/service-requests").WithTags("Service requests 售后单");

        group.MapPost("/", async Task<Results<Created<ServiceRequestView>, Ok<ServiceRequestView>>> (
            OpenServiceRequest.Command command, OpenServiceRequest useCase, ServiceRequestQueries queries, HttpRequest http, CancellationToken ct) =>
        {
            var result = await useCase.HandleAsync(command, [], Idempotency.ReadKey(http), ct);
            var view = result is { Created: { } created, Policy: { } policy }
                ? await queries.ViewOfAsync(created, policy, ct)
                : await queries.GetAsync(result.Id.ToString(), ct);
            http.HttpContext.Response.Headers.ETag = ETag(view.Version);
            return TypedResults.Created($"/api/v1/service-requests/{view.Id}", view);
        })
        .WithSummary("提交售后申请 File a service request (R-IN-3)")
        .WithDescription("Validates the order (R-ORD-2) and warranty (R-WTY-1); missing materials put the request into needsInfo. Send Idempotency-Key to make retries safe.");

        group.MapGet("/", async (
            [FromQuery(Name = "status")] ServiceRequestStatus[]? status,
            [FromQuery(Name = "type")] ServiceType? type,
            [FromQuery(Name = "supplierId")] Guid? supplierId,
            [FromQuery(Name = "customerId")] Guid? customerId,
            [FromQuery(Name = "q")] string? search,
            [FromQuery(Name = "breached")] bool? breached,
            [FromQuery(Name = "open")] bool? open,
            [FromQuery(Name = "sort")] ServiceRequestSort? sort,
            [FromQuery(Name = "page[size]")] int? pageSize,
            [FromQuery(Name = "page[after]")] string? after,
            ServiceRequestQueries queries,
            CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(
                new ServiceRequestFilter(status, type, supplierId, customerId, search, breached,
                    open ?? false, sort ?? ServiceRequestSort.Newest), pageSize, after, ct)))
        .WithSummary("售后单列表 List service requests the caller is party to")
        .WithDescription("Enum filters in camelCase, case-insensitive: status (repeat or comma-separate), type, sort = newest | nearestDeadline (the work queue).");

        group.MapGet("/{id}", async (string id, ServiceRequestQueries queries, HttpResponse response, CancellationToken ct) =>
        {
            var view = await queries.GetAsync(id, ct);
            response.Headers.ETag = ETag(view.Version);
            return TypedResults.Ok(view);
        })
        .WithSummary("售后单详情 One request with its timeline, deadlines and attachments");

        group.MapPost("/{id}/attachments", async Task<Created<AttachmentView>> (
            string id, IFormFile? file, [FromForm] string? kind, AttachFile useCase, CancellationToken ct) =>
        {
            Domain.Common.InvalidInput.Require(file is not null, "file", "请选择要上传的文件。");
            Domain.Common.InvalidInput.Require(Enum.TryParse<AttachmentKind>(kind, ignoreCase: true, out var parsedKind) && !int.TryParse(kind, out _), "kind",
                "附件类型无效，可选：photo、video、certificate、log、serviceReport、sitePhoto、agreement、evidence、other。");
            var attachment = await useCase.HandleAsync(id, new IncomingFile(parsedKind, file!.FileName, file.OpenReadStream), ct);
            var url = $"/api/v1/service-requests/{attachment.ServiceRequestId}/attachments/{attachment.Id}";
            return TypedResults.Created(url, new AttachmentView(attachment.Id, attachment.Kind, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.UploadedAt, attachment.UploadedBy, url));
        })
        .DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
        .WithSummary("上传附件 Upload an attachment (multipart: file, kind)");

        group.MapGet("/{id}/attachments/{attachmentId:guid}", async (string id, Guid attachmentId, DownloadAttachment useCase, CancellationToken ct) =>
        {
            var (attachment, content) = await useCase.HandleAsync(id, attachmentId, ct);
            return TypedResults.Stream(content, attachment.ContentType, attachment.FileName);
        })
        .WithSummary("下载附件 Download an attachment");

        MapAction<SupplyInfo.Command>(group, "supplyInfo", "补充材料 Supply missing information (R-IN-5)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<SupplyInfo>().HandleAsync(id, body ?? new(null), ctx, ct));
        MapAction<ResolveAtIntake.Command>(group, "resolveAtIntake", "当场解答并关闭 Resolve a consultation at intake (R-IN-7)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<ResolveAtIntake>().HandleAsync(id, body ?? new(null), ctx, ct));
        MapAction<ReceiveServiceRequest.Command>(group, "receive", "受理 Receive (R-JDG-1)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<ReceiveServiceRequest>().HandleAsync(id, body ?? new(null), ctx, ct));
        MapAction<JudgeResponsibility.Command>(group, "judge", "责任判定 Judge responsibility: plan, quote or verify (R-JDG-2)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<JudgeResponsibility>().HandleAsync(id, body ?? new(null, null, null, null, null, null), ctx, ct));
        MapAction<AcceptQuote.Command>(group, "acceptQuote", "确认报价 Accept the paid quote (R-QUO-1)",
            (sp, id, _, ctx, ct) => sp.GetRequiredService<AcceptQuote>().HandleAsync(id, ctx, ct));
        MapAction<DeclineQuote.Command>(group, "declineQuote", "拒绝报价 Decline the paid quote",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<DeclineQuote>().HandleAsync(id, body ?? new(null), ctx, ct));
        MapAction<StartService.Command>(group, "startService", "开始服务 Start service",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<StartService>().HandleAsync(id, body ?? new(null), ctx, ct));
        MapAction<CompleteService.Command>(group, "completeService", "完成服务 Complete service with the service record",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<CompleteService>().HandleAsync(id, body ?? new(null, null, null), ctx, ct));
        MapAction<AcceptService.Command>(group, "accept", "验收合格 Accept the work with a rating (R-ACC-1)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<AcceptService>().HandleAsync(id, body ?? new(null, null), ctx, ct));
        MapAction<RejectService.Command>(group, "reject", "验收不合格 Reject the work naming failed items (R-ACC-2)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<RejectService>().HandleAsync(id, body ?? new(null, null), ctx, ct));
        MapAction<RecordRevisit.Command>(group, "revisit", "回访 Record the revisit (R-RV-1)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<RecordRevisit>().HandleAsync(id, body ?? new(null, 0, null), ctx, ct));
        MapAction<ArchiveServiceRequest.Command>(group, "archive", "归档 Archive once vouchers are complete (R-ARC-1)",
            (sp, id, _, ctx, ct) => sp.GetRequiredService<ArchiveServiceRequest>().HandleAsync(id, ctx, ct));
        MapAction<CancelServiceRequest.Command>(group, "cancel", "取消 Cancel with a reason",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<CancelServiceRequest>().HandleAsync(id, body ?? new(null), ctx, ct));
        MapAction<ClassifyLevel.Command>(group, "classifyLevel", "调整故障/服务等级 Set the fault level and service level; level deadlines follow (R-IN-8)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<ClassifyLevel>().HandleAsync(id, body ?? new(null, null, null), ctx, ct));

        return group;
    }

    public const long MaxUploadBytes = 210L * 1024 * 1024;

    internal static void MapAction<TCommand>(RouteGroupBuilder group, string action, string summary, Func<IServiceProvider, string, TCommand?, ActionPreconditions, CancellationToken, Task<Guid>> handle)
        where TCommand : class =>
        group.MapPost($"/{{id}}/{action}", async ([FromRoute] string id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TCommand? body,
            HttpContext http, ServiceRequestQueries queries, CancellationToken ct) =>
        {
            var context = new ActionPreconditions(ReadIfMatch(http.Request), Idempotency.ReadKey(http.Request));
            var requestId = await handle(http.RequestServices, id, body, context, ct);
            var view = await queries.GetAsync(requestId.ToString(), ct);
            http.Response.Headers.ETag = ETag(view.Version);
            return TypedResults.Ok(view);
        })
        .WithName($"ServiceRequest_{action}")
        .WithSummary(summary);

    private static string ETag(int version) => $"\"{version}\"";

    /// <summary>If-Match carries the version the client last saw; a stale one is refused with 409 (API.md).</summary>
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
            : throw new Domain.Common.InvalidInput("If-Match", "If-Match 须为本单的版本号（ETag）。");
    }
}
