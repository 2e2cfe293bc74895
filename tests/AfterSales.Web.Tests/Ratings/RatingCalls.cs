using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Ratings;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Ratings;

/// <summary>Shared steps of the rating tests (R-RAT-1, R-RAT-2).</summary>
public static class RatingCalls
{
    /// <summary>00:10 on 1 December 2026 in Shanghai: November has ended.</summary>
    public static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 0, 10, 0, TimeSpan.FromHours(8));

    /// <summary>Moves the fake clock forward to <paramref name="instant"/> (never back).</summary>
    public static void MoveTo(this AfterSalesApp app, DateTimeOffset instant)
    {
        var now = app.Clock.GetUtcNow();
        if (instant > now)
        {
            app.Clock.Advance(instant - now);
        }
    }

    public static async Task<RatingRunView> RunMonthAsync(this HttpClient platform, string month) =>
        await (await platform.PostJsonAsync($"/api/v1/ratings/run?month={month}", null)).ReadAsync<RatingRunView>();

    public static Task<List<SupplierRatingView>> RatingsAsync(this HttpClient client, string month) =>
        client.GetAsync<List<SupplierRatingView>>($"/api/v1/ratings?month={month}");

    /// <summary>
    /// A poor November for the first supplier: the receipt is 3 h late (breach recorded by the monitor), the customer rates
    /// the work 1/1/1 and the revisit's satisfaction 1 reopens handling. Returns the request.
    /// </summary>
    public static async Task<ServiceRequestView> PoorServiceAsync(this AfterSalesApp app)
    {
        var request = await new RequestFlow(app).CreateAsync();
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.Monitor.RunOnceAsync(TestContext.Current.CancellationToken);

        var agent = await app.ClientForAsync("supplier.agent");
        var engineer = await app.ClientForAsync("supplier.engineer");
        var customer = await app.ClientForAsync("customer");
        var platform = await app.ClientForAsync("platform");
        await agent.ActAsync(request.Id, "receive", new { note = "受理" });
        await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "quality",
            outcome = "inWarranty",
            analysis = "主板电容老化",
            plan = new { mode = "onSite", scheduledAt = app.Clock.GetUtcNow().AddHours(20), staff = new[] { "孙浩" }, steps = "上门更换主板" },
        });
        await engineer.ActAsync(request.Id, "startService", new { note = "已到达现场" });
        await engineer.ActAsync(request.Id, "completeService", new
        {
            workDone = "更换主板",
            partsUsed = new[] { new { name = "主板", partNumber = "MB-850", quantity = 1 } },
            result = "设备恢复正常",
        });
        await customer.ActAsync(request.Id, "accept", new { rating = new { timeliness = 1, expertise = 1, attitude = 1 }, comment = "迟到且态度差" });
        var reopened = await platform.ActAsync(request.Id, "revisit", new { channel = "phone", satisfaction = 1, notes = "故障复发" });
        Assert.Equal(ServiceRequestStatus.Reservice, reopened.Status);
        return reopened;
    }

    /// <summary>Files a new request for the first supplier's order as the customer and returns the raw response.</summary>
    public static async Task<HttpResponseMessage> FileRequestAsync(this AfterSalesApp app)
    {
        var customer = await app.ClientForAsync("customer");
        return await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody());
    }

    public static async Task CreatedAsync(this Task<HttpResponseMessage> response)
    {
        using var message = await response;
        Assert.Equal(HttpStatusCode.Created, message.StatusCode);
    }
}
