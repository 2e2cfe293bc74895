using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.ServiceRequests;

/// <summary>
/// Keyset paging of <c>GET /service-requests</c> (API.md): following <c>next</c> visits every request exactly once in
/// either order — also across ties on the sort key and requests without an open deadline — and filters take camelCase values.
/// </summary>
public sealed class ServiceRequestPagingTests(AfterSalesApp app) : ApiTest(app)
{
    private readonly RequestFlow _flow = new(app);

    [Theory]
    [InlineData("newest")]
    [InlineData("nearestDeadline")]
    public async Task Following_next_two_at_a_time_returns_every_request_exactly_once_in_order(string sort)
    {
        var created = await FiveRequestsWithTiesAsync();
        var customer = await App.ClientForAsync("customer");

        var seen = new List<ServiceRequestSummary>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await customer.GetAsync<Page<ServiceRequestSummary>>(
                $"/api/v1/service-requests?sort={sort}&page[size]=2" + (next is null ? string.Empty : $"&page[after]={Uri.EscapeDataString(next)}"));
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items);
            next = page.Next;
            Assert.True(++pages <= 100, "paging does not end");
        }
        while (next is not null);

        var all = await customer.AllRequestsAsync($"&sort={sort}");
        Assert.Equal(all.Select(r => r.Id), seen.Select(r => r.Id));
        Assert.Equal(seen.Count, seen.Select(r => r.Id).Distinct().Count());
        Assert.Superset(created.ToHashSet(), seen.Select(r => r.Id).ToHashSet());
        if (sort == "newest")
        {
            Assert.Equal(seen.OrderByDescending(r => r.CreatedAt).Select(r => r.CreatedAt), seen.Select(r => r.CreatedAt));
        }
        else
        {
            var dueOrder = seen.Select(r => r.NextDueAt ?? DateTimeOffset.MaxValue).ToList();
            Assert.Equal(dueOrder.Order(), dueOrder);
            Assert.Contains(seen, r => r.NextDueAt is null);
        }
    }

    [Theory]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("%%%")]
    [InlineData("MTIzOnh5eg")]
    public async Task A_cursor_the_server_did_not_make_is_400_naming_page_after(string cursor)
    {
        var customer = await App.ClientForAsync("customer");

        await (await customer.GetAsync($"/api/v1/service-requests?page[size]=2&page[after]={Uri.EscapeDataString(cursor)}", Ct)).NamesFieldAsync("page[after]");
    }

    [Theory]
    [InlineData("/api/v1/service-requests?sort=newest", -1L)]
    [InlineData("/api/v1/service-requests?sort=newest", long.MaxValue)]
    [InlineData("/api/v1/service-requests?sort=nearestDeadline", -1L)]
    [InlineData("/api/v1/service-requests?sort=nearestDeadline", long.MaxValue - 1)]
    [InlineData("/api/v1/deadlines?state=running", long.MaxValue)]
    [InlineData("/api/v1/deadlines/breaches?kind=receive", -1L)]
    [InlineData("/api/v1/orders?status=accepted", long.MaxValue)]
    public async Task A_tampered_cursor_whose_key_is_no_instant_is_400_naming_page_after(string list, long key)
    {
        var platform = await App.ClientForAsync("platform");

        var response = await platform.GetAsync($"{list}&page[after]={Cursor.Encode(key, Guid.CreateVersion7())}", Ct);

        await response.NamesFieldAsync("page[after]");
    }

    [Fact]
    public async Task Filters_take_the_camel_case_values_of_the_contract()
    {
        var pending = await _flow.CreateAsync();
        var needsInfo = await _flow.CreateAsync(withCertificate: false);
        var customer = await App.ClientForAsync("customer");

        var filtered = await customer.AllRequestsAsync("&status=pendingReceipt&status=needsInfo&type=warrantyRepair&sort=nearestDeadline");

        Assert.Contains(filtered, r => r.Id == pending.Id);
        Assert.Contains(filtered, r => r.Id == needsInfo.Id);
        Assert.All(filtered, r => Assert.Contains(r.Status, new[] { ServiceRequestStatus.PendingReceipt, ServiceRequestStatus.NeedsInfo }));
        Assert.DoesNotContain(await customer.AllRequestsAsync("&status=needsInfo"), r => r.Id == pending.Id);
        Assert.Contains(await customer.AllRequestsAsync("&status=PendingReceipt"), r => r.Id == pending.Id);
    }

    [Theory]
    [InlineData("status=pending", "status")]
    [InlineData("status=1", "status")]
    [InlineData("sort=oldest", "sort")]
    [InlineData("type=repair", "type")]
    public async Task A_filter_value_outside_the_contract_is_400_naming_the_parameter(string query, string field)
    {
        var customer = await App.ClientForAsync("customer");

        var problem = await (await customer.GetAsync($"/api/v1/service-requests?{query}", Ct)).NamesFieldAsync(field);

        Assert.Contains("可选", problem.GetProperty("detail").GetString());
    }

    /// <summary>
    /// Five requests made to tie: two filed in the same instant, one without an open deadline (needs info, no target
    /// for it in preset 000), one cancelled, one a minute later — so both sort keys repeat and include empty ones.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> FiveRequestsWithTiesAsync()
    {
        var customer = await App.ClientForAsync("customer");
        var ids = new List<Guid>
        {
            (await _flow.CreateAsync()).Id,
            (await _flow.CreateAsync()).Id,
            (await _flow.CreateAsync(withCertificate: false)).Id,
        };
        var cancelled = await _flow.CreateAsync();
        await customer.ActAsync(cancelled.Id, "cancel", new { reason = "重复提交" });
        ids.Add(cancelled.Id);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        ids.Add((await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created)).Id);
        return ids;
    }
}
