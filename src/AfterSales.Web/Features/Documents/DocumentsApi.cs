using AfterSales.Web.Features.Documents.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Web.Features.Documents;

/// <summary><c>/api/v1/service-requests/{id}/documents</c>: the printable documents of a request (R-ARC-3, API.md).</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/service-requests/{id}/documents").WithTags("Documents 单据");

        group.MapGet("/", async (string id, RequestDocuments documents, CancellationToken ct) =>
            TypedResults.Ok(await documents.ListAsync(id, ct)))
        .WithSummary("可打印单据 The documents this request has now, with their URLs");

        group.MapGet("/{kind}", async Task<RazorComponentResult<RequestDocumentPage>> (string id, string kind, RequestDocuments documents, CancellationToken ct) =>
        {
            var document = await documents.GetAsync(id, kind, ct);
            return new RazorComponentResult<RequestDocumentPage>(new { Document = document });
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/html")
        .WithSummary("打印单据 A print-ready HTML document: application, plan, quote, repairSheet, acceptance, warrantyDecision")
        .WithDescription("Chinese by default; add ?culture=en&ui-culture=en for English. 404 when the request has no such document yet.");

        return api;
    }
}
