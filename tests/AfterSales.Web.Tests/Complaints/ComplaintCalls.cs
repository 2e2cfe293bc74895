using System.Net;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Complaints;

/// <summary>Calls the complaint tests share (R-CMP-1).</summary>
internal static class ComplaintCalls
{
    public sealed record Me(Guid Id, string UserName, string DisplayName);

    public static object AboutRequest(Guid requestId, string content = "工程师上门迟到两小时，态度恶劣", string? desiredOutcome = "赔礼道歉并更换工程师") =>
        new { subject = "request", requestId = requestId.ToString(), channel = "hotline", content, desiredOutcome };

    public static async Task<ComplaintView> FileAsync(this HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/v1/complaints", body)).ReadAsync<ComplaintView>(HttpStatusCode.Created);

    public static async Task<ComplaintView> ComplaintActAsync(this HttpClient client, Guid id, string action, object body) =>
        await (await client.PostJsonAsync($"/api/v1/complaints/{id}/{action}", body)).ReadAsync<ComplaintView>();

    public static Task<ComplaintView> ComplaintAsync(this HttpClient client, Guid id) => client.GetAsync<ComplaintView>($"/api/v1/complaints/{id}");

    public static Task<Page<ComplaintRow>> ComplaintsAsync(this HttpClient client, string query = "") => client.GetAsync<Page<ComplaintRow>>($"/api/v1/complaints?{query}");

    public static Task<Me> MeAsync(this HttpClient client) => client.GetAsync<Me>("/api/v1/me");
}
