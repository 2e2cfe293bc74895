using System.Net;
using System.Text.Json;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.CustomerSanctions;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.CustomerSanctions;

/// <summary>Calls the customer-sanction tests share (R-FRD-1).</summary>
internal static class CustomerSanctionCalls
{
    public const string Reason = "现场核查设备运行正常，客户提交的故障照片系伪造，意图骗取免费维修";

    /// <summary>customer2's order and device, for tests that keep the demo customer's rights intact.</summary>
    public static object Customer2Request(string type = "warrantyRepair") => RequestFlow.NewRequestBody("PO-2026-0003", "EQ-0201", type);

    /// <summary>The platform uploads its own evidence to the request (a site photo of the working device).</summary>
    public static async Task<Guid> UploadEvidenceAsync(this HttpClient platform, Guid requestId)
    {
        var uploaded = await (await platform.UploadAsync(requestId.ToString(), AttachmentKind.Evidence, SampleFiles.Png, "现场核查照片.png")).ReadAsync<AttachmentView>(HttpStatusCode.Created);
        return uploaded.Id;
    }

    public static Task<HttpResponseMessage> RuleFraudulentAsync(this HttpClient client, Guid requestId, object body) =>
        client.PostJsonAsync($"/api/v1/service-requests/{requestId}/ruleFraudulent", body);

    public static async Task<CustomerSanctionView> RuleAsync(this HttpClient platform, Guid requestId, Guid evidence, bool serious = false) =>
        await (await platform.RuleFraudulentAsync(requestId, new { reason = Reason, evidenceAttachmentIds = new[] { evidence }, serious }))
            .ReadAsync<CustomerSanctionView>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> RevokeAsync(this HttpClient client, Guid sanctionId, string? reason) =>
        client.PostJsonAsync($"/api/v1/customer-sanctions/{sanctionId}/revoke", new { reason });

    public static Task<Page<CustomerSanctionView>> SanctionsAsync(this HttpClient client, string query = "") =>
        client.GetAsync<Page<CustomerSanctionView>>($"/api/v1/customer-sanctions?{query}");

    public static Task<HttpResponseMessage> NewRequestAsync(this HttpClient customer, object? body = null) =>
        customer.PostJsonAsync("/api/v1/service-requests", body ?? RequestFlow.NewRequestBody());

    /// <summary>The audit trail's entries for one sanction, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AuditOfAsync(this HttpClient client, Guid sanctionId)
    {
        var audit = await client.GetAsync<JsonElement>($"/api/v1/audit?entityType=customerSanction&entityId={sanctionId}");
        return [.. audit.GetProperty("items").EnumerateArray().Reverse()];
    }
}
