using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>Small HTTP helpers that read and write the API's JSON conventions.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body, IDictionary<string, string>? headers = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: AfterSalesApp.Json),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(message, TestContext.Current.CancellationToken);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, AfterSalesApp.Json)!;
    }

    public static async Task<T> GetAsync<T>(this HttpClient client, string url) =>
        await (await client.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<T>();

    /// <summary>Asserts a problem-details refusal and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string requestId, AttachmentKind kind, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())), "kind");
        return await client.PostAsync($"/api/v1/service-requests/{requestId}/attachments", form, TestContext.Current.CancellationToken);
    }

    public static async Task<ServiceRequestView> ActAsync(this HttpClient client, Guid requestId, string action, object? body = null) =>
        await (await client.PostJsonAsync($"/api/v1/service-requests/{requestId}/{action}", body)).ReadAsync<ServiceRequestView>();
}

/// <summary>Files that pass content sniffing, one per family.</summary>
public static class SampleFiles
{
    public static byte[] Pdf { get; } = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1];

    public static byte[] Log { get; } = "2026-11-20 08:00:01 ERROR E03 spindle over-temperature\n"u8.ToArray();

    public static byte[] Executable { get; } = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
}

/// <summary>A warranty request by the demo customer on EQ-0001, driven through the API to the status a test needs.</summary>
public sealed class RequestFlow(AfterSalesApp app)
{
    public static object NewRequestBody(string orderNumber = "PO-2026-0001", string? assetSerial = "EQ-0001", string type = "warrantyRepair", string mode = "onSite") => new
    {
        orderNumber,
        assetSerial,
        type,
        symptom = "开机报错 E03",
        occurredAt = "2026-11-20T08:00:00+08:00",
        impact = "导致生产线停工",
        selfChecks = "已重启",
        requestedResolution = mode,
        urgency = "urgent",
        contact = new { name = "张工", phone = "13800000000" },
    };

    public async Task<ServiceRequestView> CreateAsync(string customer = "customer", object? body = null, bool withCertificate = true)
    {
        var client = await app.ClientForAsync(customer);
        var created = await (await client.PostJsonAsync("/api/v1/service-requests", body ?? NewRequestBody())).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        if (!withCertificate)
        {
            return created;
        }

        (await client.UploadAsync(created.Id.ToString(), AttachmentKind.Certificate, SampleFiles.Pdf, "合格证.pdf")).EnsureSuccessStatusCode();
        return await client.ActAsync(created.Id, "supplyInfo", new { note = "已上传合格证" });
    }

    public async Task<ServiceRequestView> ToAsync(ServiceRequestStatus target, string mode = "onSite")
    {
        var request = await CreateAsync(body: NewRequestBody(mode: mode));
        var agent = await app.ClientForAsync("supplier.agent");
        var engineer = await app.ClientForAsync("supplier.engineer");
        var customer = await app.ClientForAsync("customer");
        var platform = await app.ClientForAsync("platform");
        var steps = new (ServiceRequestStatus Reached, Func<Task<ServiceRequestView>> Step)[]
        {
            (ServiceRequestStatus.UnderAssessment, () => agent.ActAsync(request.Id, "receive", new { note = "初步判断主板故障" })),
            (ServiceRequestStatus.Planned, () => agent.ActAsync(request.Id, "judge", new
            {
                responsibility = "quality",
                outcome = "inWarranty",
                analysis = "主板电容老化",
                plan = new { mode, scheduledAt = "2026-11-24T10:00:00+08:00", staff = new[] { "孙浩" }, steps = "上门更换主板并试机 2 小时" },
            })),
            (ServiceRequestStatus.InService, () => engineer.ActAsync(request.Id, "startService", new { note = "已到达现场" })),
            (ServiceRequestStatus.PendingAcceptance, () => engineer.ActAsync(request.Id, "completeService", new
            {
                workDone = "更换主板，连续运行 2 小时无异常",
                partsUsed = new[] { new { name = "主板", partNumber = "MB-850", quantity = 1 } },
                result = "设备恢复正常",
            })),
            (ServiceRequestStatus.Accepted, () => customer.ActAsync(request.Id, "accept", new { rating = new { timeliness = 5, expertise = 5, attitude = 4 }, comment = "响应及时" })),
            (ServiceRequestStatus.Revisited, () => platform.ActAsync(request.Id, "revisit", new { channel = "phone", satisfaction = 5, notes = "客户满意" })),
        };

        foreach (var (reached, step) in steps)
        {
            if (request.Status == target)
            {
                break;
            }

            request = await step();
            Assert.Equal(reached, request.Status);
        }

        Assert.Equal(target, request.Status);
        return request;
    }
}
