using System.Net;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.WorkOrders;

/// <summary>Calls the work-order tests share (issue 6).</summary>
internal static class WorkOrderCalls
{
    public sealed record Me(Guid Id, string UserName, string DisplayName);

    public static object OnSite(Guid requestId, string? certificate = "electrician") => new
    {
        requestId = requestId.ToString(),
        kind = "onSite",
        summary = "上门更换主轴编码器并试机",
        requiredSkill = "数控系统",
        requiredCertificate = certificate,
        siteAccess = "进厂须佩戴安全帽，凭身份证在门卫登记",
    };

    public static async Task<WorkOrderView> CreateWorkOrderAsync(this HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/v1/work-orders", body)).ReadAsync<WorkOrderView>(HttpStatusCode.Created);

    public static async Task<WorkOrderView> WorkOrderActAsync(this HttpClient client, Guid id, string action, object? body = null) =>
        await (await client.PostJsonAsync($"/api/v1/work-orders/{id}/{action}", body ?? new { })).ReadAsync<WorkOrderView>();

    public static Task<WorkOrderView> WorkOrderAsync(this HttpClient client, Guid id) => client.GetAsync<WorkOrderView>($"/api/v1/work-orders/{id}");

    public static Task<Page<WorkOrderView>> WorkOrdersAsync(this HttpClient client, string query = "") => client.GetAsync<Page<WorkOrderView>>($"/api/v1/work-orders?{query}");

    public static Task<Me> MeAsync(this HttpClient client) => client.GetAsync<Me>("/api/v1/me");

    public static Task<ServiceRequestView> RequestAsync(this HttpClient client, Guid id) => client.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{id}");

    public static string SignatureDataUrl => "data:image/png;base64," + Convert.ToBase64String(SampleFiles.Png);

    public static object Completion { get; } = new { workDone = "更换主轴编码器，连续运行 2 小时无异常", result = "设备恢复正常" };
}
