using AfterSales.Web.Features.ServiceRequests;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Web.Features.Disputes;

/// <summary>
/// Disputes and platform arbitration (R-DSP-1..3, issue 5 §1–3): the workflow actions on <c>/service-requests/{id}</c>
/// (API.md: dispute, arbitrate) and the dispute queue.
/// </summary>
public static class DisputesApi
{
    public static IServiceCollection AddDisputeFeatures(this IServiceCollection services)
    {
        services.AddScoped<RaiseDispute>();
        services.AddScoped<AnswerDispute>();
        services.AddScoped<SendToAppraisal>();
        services.AddScoped<RecordAppraisal>();
        services.AddScoped<Arbitrate>();
        services.AddScoped<ObjectToRuling>();
        services.AddScoped<ReviewRuling>();
        services.AddScoped<DisputeQueries>();
        return services;
    }

    public static RouteGroupBuilder MapDisputesApi(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/service-requests").WithTags("Disputes 争议与仲裁");
        ServiceRequestsApi.MapAction<RaiseDispute.Command>(requests, "dispute",
            "提出争议 The customer disputes the judgement or quote within the policy window, with evidence (R-DSP-1)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<RaiseDispute>().HandleAsync(id, body ?? new(null, null), ctx, ct));
        ServiceRequestsApi.MapAction<AnswerDispute.Command>(requests, "answerDispute",
            "供应商答辩 The supplier answers the dispute with its own evidence (R-DSP-1)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<AnswerDispute>().HandleAsync(id, body ?? new(null, null), ctx, ct));
        ServiceRequestsApi.MapAction<SendToAppraisal.Command>(requests, "sendToAppraisal",
            "送第三方鉴定 Send the disputed product to an external appraisal; the arbitration deadline stands still meanwhile (R-DSP-3)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<SendToAppraisal>().HandleAsync(id, body ?? new(null, null, null, null), ctx, ct));
        ServiceRequestsApi.MapAction<RecordAppraisal.Command>(requests, "recordAppraisal",
            "登记鉴定结果 Record the appraisal result with its report; the fee is charged to the supplier if the product fails the standard (R-DSP-3)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<RecordAppraisal>().HandleAsync(id, body ?? new(null, null, null), ctx, ct));
        ServiceRequestsApi.MapAction<RulingInput>(requests, "arbitrate",
            "平台仲裁 Rule on the dispute: responsibility, outcome (warrantyService → planned, paidService → quotePending, other → closed), decision, reasoning, cost allocation (R-DSP-2)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<Arbitrate>().HandleAsync(id, body ?? new(null, null, null, null, null, null), ctx, ct));
        ServiceRequestsApi.MapAction<ObjectToRuling.Command>(requests, "objectRuling",
            "对判定意见书提出异议 Either party objects to the ruling within its window; a senior operator reviews it (R-DSP-2)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<ObjectToRuling>().HandleAsync(id, body ?? new(null), ctx, ct));
        ServiceRequestsApi.MapAction<ReviewRuling.Command>(requests, "reviewRuling",
            "上级复核 A senior operator upholds or amends an objected ruling (R-DSP-2)",
            (sp, id, body, ctx, ct) => sp.GetRequiredService<ReviewRuling>().HandleAsync(id, body ?? new(null, null, null), ctx, ct));

        api.MapGet("/disputes", async ([FromQuery(Name = "stage")] DisputeStage? stage, DisputeQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(stage, ct)))
            .WithTags("Disputes 争议与仲裁")
            .WithSummary("争议列表 Disputed requests the caller is party to, open ones first by their next due instant")
            .WithDescription("stage: awaitingAnswer, awaitingRuling, inAppraisal, ruled (objection window open), awaitingReview, settled.");
        return api;
    }
}
