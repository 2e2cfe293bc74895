using System.Net;
using AfterSales.Domain.Penalties;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Penalties;

/// <summary>
/// 免除违约金 (R-PEN-3): only the platform waives, always with a reason; the line stays in the ledger marked waived
/// with who and why, no longer counts in the supplier's balance, and the request's timeline says so.
/// </summary>
public sealed class WaivePenaltyTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Reason = "客户确认供应商已电话响应，系统受理延迟";

    [Fact]
    public async Task The_platform_waives_a_penalty_with_a_reason_and_the_line_stays_marked_waived()
    {
        var request = await App.BreachedAsync();
        var platform = await App.ClientForAsync("platform");
        var line = Assert.Single(await platform.PenaltiesOfAsync(request.Id));
        var before = await platform.BalanceAsync(request.Supplier.Id);

        var waived = await (await platform.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason })).ReadAsync<LedgerRow>();

        Assert.True(waived.Waived);
        Assert.Equal((Reason, "王敏", App.Clock.GetUtcNow()), (waived.WaiverReason, waived.WaivedBy, waived.WaivedAt));
        Assert.Equal(("500.00", PenaltyAccount.SupplierDeposit), (waived.Amount.AmountText, waived.Account));
        var kept = Assert.Single(await platform.PenaltiesOfAsync(request.Id));
        Assert.Equal((line.Id, true, Reason), (kept.Id, kept.Waived, kept.WaiverReason));
        Assert.Equal(kept.Id, Assert.Single(await platform.PenaltiesAsync($"&requestId={request.Id}&waived=true")).Id);

        var after = await platform.BalanceAsync(request.Supplier.Id);
        Assert.Equal(before.Deducted.Amount - 500m, after.Deducted.Amount);
        Assert.Equal(before.Waived.Amount + 500m, after.Waived.Amount);

        var supplierSees = Assert.Single(await (await App.ClientForAsync("supplier.agent")).PenaltiesOfAsync(request.Id));
        Assert.Equal((true, Reason), (supplierSees.Waived, supplierSees.WaiverReason));
        var timeline = (await platform.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{request.Id}")).Timeline;
        var entry = Assert.Single(timeline, t => t.Action == "penaltyWaived");
        Assert.StartsWith("违约金已免除：", entry.Note);
        Assert.Contains(Reason, entry.Note);
        Assert.Equal("王敏", entry.Actor);
    }

    [Fact]
    public async Task A_platform_admin_may_waive_too()
    {
        var request = await App.BreachedAsync();
        var admin = await App.ClientForAsync("admin");
        var line = Assert.Single(await admin.PenaltiesOfAsync(request.Id));

        var waived = await (await admin.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason })).ReadAsync<LedgerRow>();

        Assert.True(waived.Waived);
    }

    [Fact]
    public async Task Waiving_the_same_penalty_twice_is_409_and_keeps_the_first_reason()
    {
        var request = await App.BreachedAsync();
        var platform = await App.ClientForAsync("platform");
        var line = Assert.Single(await platform.PenaltiesOfAsync(request.Id));
        (await platform.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason })).EnsureSuccessStatusCode();

        await (await platform.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = "再次免除" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(Reason, Assert.Single(await platform.PenaltiesOfAsync(request.Id)).WaiverReason);
        var timeline = (await platform.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{request.Id}")).Timeline;
        Assert.Single(timeline, t => t.Action == "penaltyWaived");
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_first_waiver()
    {
        var request = await App.BreachedAsync();
        var platform = await App.ClientForAsync("platform");
        var line = Assert.Single(await platform.PenaltiesOfAsync(request.Id));
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = $"waive-{line.Id}" };

        var first = await (await platform.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason }, headers)).ReadAsync<LedgerRow>();
        var retry = await (await platform.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason }, headers)).ReadAsync<LedgerRow>();

        Assert.Equal(first, retry);
        Assert.Single((await platform.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{request.Id}")).Timeline, t => t.Action == "penaltyWaived");
    }

    [Fact]
    public async Task Two_waivers_at_once_waive_once_and_the_other_is_409()
    {
        var request = await App.BreachedAsync();
        var platform = await App.ClientForAsync("platform");
        var admin = await App.ClientForAsync("admin");
        var line = Assert.Single(await platform.PenaltiesOfAsync(request.Id));

        var responses = await Task.WhenAll(
            platform.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason }),
            admin.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = "同时免除" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Single((await platform.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{request.Id}")).Timeline, t => t.Action == "penaltyWaived");
    }

    [Fact]
    public async Task A_waiver_without_a_reason_is_400_naming_the_reason()
    {
        var request = await App.BreachedAsync();
        var platform = await App.ClientForAsync("platform");
        var line = Assert.Single(await platform.PenaltiesOfAsync(request.Id));

        var problem = await (await platform.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = "  " })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
        Assert.False(Assert.Single(await platform.PenaltiesOfAsync(request.Id)).Waived);
    }

    [Fact]
    public async Task The_supplier_that_pays_cannot_waive_its_own_penalty()
    {
        var request = await App.BreachedAsync();
        var manager = await App.ClientForAsync("supplier.manager");
        var line = Assert.Single(await manager.PenaltiesOfAsync(request.Id));

        await (await manager.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason })).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.False(Assert.Single(await manager.PenaltiesOfAsync(request.Id)).Waived);
    }

    [Fact]
    public async Task Another_supplier_or_customer_gets_404_for_a_penalty_it_cannot_see()
    {
        var request = await App.BreachedAsync();
        var line = Assert.Single(await (await App.ClientForAsync("platform")).PenaltiesOfAsync(request.Id));

        foreach (var user in new[] { "supplier2.agent", "customer2", "dealer", "customer" })
        {
            var client = await App.ClientForAsync(user);
            await (await client.PostJsonAsync($"/api/v1/penalties/{line.Id}/waive", new { reason = Reason })).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/v1/ledger/{line.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        }

        await (await (await App.ClientForAsync("platform")).PostJsonAsync($"/api/v1/penalties/{Guid.CreateVersion7()}/waive", new { reason = Reason })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deposit_payment_is_no_penalty_and_cannot_be_waived()
    {
        var admin = await App.ClientForAsync("admin");
        var supplierId = await (await App.ClientForAsync("supplier2.agent")).OrganizationIdAsync();
        var deposit = await (await admin.PostJsonAsync("/api/v1/ledger/deposits", new { supplierId, amount = new { amount = "2000.00", currency = "CNY" }, note = "银行回单 B-2026-1123" }))
            .ReadAsync<LedgerRow>(HttpStatusCode.Created);

        var problem = await (await admin.PostJsonAsync($"/api/v1/penalties/{deposit.Id}/waive", new { reason = Reason })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("R-PEN-3", problem.GetProperty("ruleId").GetString());
    }
}
