using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Quotes;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;
using static AfterSales.Web.Tests.Quotes.QuoteCalls;

namespace AfterSales.Web.Tests.Quotes;

/// <summary>
/// R-SEC-1: remote service on the customer's systems starts only with the pair's data-confidentiality agreement on record
/// and the customer's authorisation of the session; the agreement is kept per pair and reused.
/// </summary>
public sealed class ConfidentialityTests(AfterSalesApp app) : ApiTest(app)
{
    private async Task<Domain.ServiceRequests.ServiceRequestStatus> PlannedRemoteAsync(Guid requestId)
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var planned = await agent.ActAsync(requestId, "judge", new
        {
            responsibility = "quality", outcome = "inWarranty", analysis = "参数漂移",
            plan = new { mode = "remote", scheduledAt = "2026-11-24T20:00:00+08:00", staff = new[] { "孙浩" }, steps = "远程登录控制器校准参数" },
        });
        return planned.Status;
    }

    [Fact]
    public async Task Remote_service_waits_for_the_agreement_and_the_authorisation_and_the_agreement_serves_the_next_request()
    {
        var request = await ReceivedAsync(App, mode: "remote");
        Assert.Equal(ServiceRequestStatus.Planned, await PlannedRemoteAsync(request.Id));
        var agent = await App.ClientForAsync("supplier.agent");
        var engineer = await App.ClientForAsync("supplier.engineer");
        var customer = await App.ClientForAsync("customer");
        var start = $"/api/v1/service-requests/{request.Id}/startService";

        // Neither: both named.
        var neither = await (await engineer.PostJsonAsync(start, new { note = "远程接入" })).NamesRuleAsync("R-SEC-1");
        Assert.Contains("数据保密协议", neither.GetProperty("detail").GetString());
        Assert.Contains("授权", neither.GetProperty("detail").GetString());
        var blockers = (await agent.GetAsync<AgreementsView>($"/api/v1/service-requests/{request.Id}/agreements")).StartBlockers;
        Assert.Equal(2, blockers.Count);

        // Authorisation alone is not enough.
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/authorizeRemoteSession", new { scope = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await customer.ActAsync(request.Id, "authorizeRemoteSession", new { scope = "仅限 PLC 控制器参数，不含生产数据", from = "2026-11-23T09:00:00+08:00", to = "2026-11-30T18:00:00+08:00" });
        var noAgreement = await (await engineer.PostJsonAsync(start, new { note = "远程接入" })).NamesRuleAsync("R-SEC-1");
        Assert.DoesNotContain("授权本次", noAgreement.GetProperty("detail").GetString());

        // The agreement, recorded with its signed copy.
        var copy = await agent.AgreementCopyAsync(request.Id, "保密协议.pdf");
        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordConfidentialityAgreement", new { attachmentId = copy, reference = "NDA-1" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordConfidentialityAgreement", new { attachmentId = copy })).NamesFieldAsync("reference");
        await agent.ActAsync(request.Id, "recordConfidentialityAgreement", new { attachmentId = copy, reference = "NDA-2026-017", signedOn = "2026-11-20", validTo = "2027-11-19" });
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordConfidentialityAgreement", new { attachmentId = copy, reference = "NDA-again" })).NamesRuleAsync("R-SEC-1");

        var shown = await customer.GetAsync<AgreementsView>($"/api/v1/service-requests/{request.Id}/agreements");
        Assert.True(shown.RemoteService);
        Assert.Equal("NDA-2026-017", shown.ConfidentialityAgreement!.Reference);
        Assert.True(shown.ConfidentialityAgreement.InForce);
        Assert.Equal("仅限 PLC 控制器参数，不含生产数据", shown.RemoteAuthorization!.Scope);
        Assert.Equal("api", shown.RemoteAuthorization.Session!.Channel);
        Assert.Empty(shown.StartBlockers);
        var started = await engineer.ActAsync(request.Id, "startService", new { note = "远程接入" });
        Assert.Equal(ServiceRequestStatus.InService, started.Status);

        // The next remote request of the same pair reuses the agreement and only needs its own authorisation.
        var next = await ReceivedAsync(App, mode: "remote");
        await PlannedRemoteAsync(next.Id);
        var nextShown = await agent.GetAsync<AgreementsView>($"/api/v1/service-requests/{next.Id}/agreements");
        Assert.Equal("NDA-2026-017", nextShown.ConfidentialityAgreement!.Reference);
        Assert.Equal("R-SEC-1", Assert.Single(nextShown.StartBlockers).RuleId);
        await (await engineer.PostJsonAsync($"/api/v1/service-requests/{next.Id}/startService", new { note = "远程接入" })).NamesRuleAsync("R-SEC-1");
        await customer.ActAsync(next.Id, "authorizeRemoteSession", new { scope = "控制器参数" });
        Assert.Equal(ServiceRequestStatus.InService, (await engineer.ActAsync(next.Id, "startService", new { note = "远程接入" })).Status);
    }

    [Fact]
    public async Task On_site_service_needs_no_confidentiality_agreement()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Planned);
        var engineer = await App.ClientForAsync("supplier.engineer");

        var agreements = await engineer.GetAsync<AgreementsView>($"/api/v1/service-requests/{request.Id}/agreements");

        Assert.False(agreements.RemoteService);
        Assert.Empty(agreements.StartBlockers);
        Assert.Equal(ServiceRequestStatus.InService, (await engineer.ActAsync(request.Id, "startService", new { note = "到场" })).Status);
    }

    [Fact]
    public async Task An_authorisation_window_in_the_past_or_reversed_is_400()
    {
        var request = await ReceivedAsync(App, mode: "remote");
        var customer = await App.ClientForAsync("customer");

        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/authorizeRemoteSession",
            new { scope = "参数", from = "2026-11-25T09:00:00+08:00", to = "2026-11-24T09:00:00+08:00" })).NamesFieldAsync("to");
        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/authorizeRemoteSession",
            new { scope = "参数", to = "2026-11-22T09:00:00+08:00" })).NamesFieldAsync("to");
        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/authorizeRemoteSession", new { })).NamesFieldAsync("scope");

        await customer.AssertUnchangedAsync(request);
    }
}
