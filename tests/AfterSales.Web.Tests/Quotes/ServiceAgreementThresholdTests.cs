using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Quotes;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;
using static AfterSales.Web.Tests.Quotes.QuoteCalls;

namespace AfterSales.Web.Tests.Quotes;

/// <summary>
/// R-QUO-3: paid work strictly above the policy threshold (preset 000: CNY 50,000) starts only once the supplier has
/// recorded the signed service agreement and the customer has confirmed it.
/// </summary>
public sealed class ServiceAgreementThresholdTests(AfterSalesApp app) : ApiTest(app)
{
    /// <summary>A paid request whose accepted quote is the spindle at <paramref name="spindle"/> plus 5 h × 300.00 of labour.</summary>
    private async Task<ServiceRequestView> AcceptedQuoteAsync(string spindle)
    {
        var request = await ReceivedAsync(App);
        var agent = await App.ClientForAsync("supplier.agent");
        await agent.ActAsync(request.Id, "judge", PaidJudgement(
            [Listed((await agent.PriceAsync("P-SPDL")).Id, 1m, spindle), Listed((await agent.PriceAsync("L-ENG")).Id, 5m)]));
        return await (await App.ClientForAsync("customer")).ActAsync(request.Id, "acceptQuote");
    }

    [Fact]
    public async Task Exactly_50000_00_starts_without_an_agreement()
    {
        var request = await AcceptedQuoteAsync("48500.00");
        Assert.Equal("50000.00", request.Quote!.Total.AmountText);
        var engineer = await App.ClientForAsync("supplier.engineer");

        var agreements = await engineer.GetAsync<AgreementsView>($"/api/v1/service-requests/{request.Id}/agreements");
        Assert.False(agreements.ServiceAgreementRequired);
        Assert.Empty(agreements.StartBlockers);
        var started = await engineer.ActAsync(request.Id, "startService", new { note = "到场" });

        Assert.Equal(ServiceRequestStatus.InService, started.Status);
    }

    [Fact]
    public async Task Fifty_thousand_and_one_fen_waits_for_the_recorded_and_confirmed_agreement()
    {
        var request = await AcceptedQuoteAsync("48500.01");
        Assert.Equal("50000.01", request.Quote!.Total.AmountText);
        var agent = await App.ClientForAsync("supplier.agent");
        var engineer = await App.ClientForAsync("supplier.engineer");
        var customer = await App.ClientForAsync("customer");

        var refused = await (await engineer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/startService", new { note = "到场" })).NamesRuleAsync("R-QUO-3");
        Assert.Contains("服务协议", refused.GetProperty("detail").GetString());
        await engineer.AssertUnchangedAsync(request);

        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/confirmServiceAgreement", null)).NamesRuleAsync("R-QUO-3");
        var copy = await agent.AgreementCopyAsync(request.Id, "服务协议-盖章版.pdf");
        var body = new { attachmentId = copy, scope = "更换主轴总成并调试", acceptanceCriteria = "连续运行 2 小时无异常", paymentTerms = "验收合格后 30 日内付清", signedOn = "2026-11-23" };
        await (await customer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordServiceAgreement", body)).ProblemAsync(HttpStatusCode.Forbidden);
        var recorded = await agent.ActAsync(request.Id, "recordServiceAgreement", body);
        Assert.Equal("recordServiceAgreement", recorded.Timeline[^1].Action);

        var stillRefused = await (await engineer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/startService", new { note = "到场" })).NamesRuleAsync("R-QUO-3");
        Assert.Contains("待客户确认", stillRefused.GetProperty("detail").GetString());
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/confirmServiceAgreement", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await customer.ActAsync(request.Id, "confirmServiceAgreement");

        var agreements = await agent.GetAsync<AgreementsView>($"/api/v1/service-requests/{request.Id}/agreements");
        Assert.True(agreements.ServiceAgreementRequired);
        Assert.Equal("50000.00", agreements.AgreementThreshold!.Value.AmountText);
        Assert.Equal(copy, agreements.ServiceAgreement!.AttachmentId);
        Assert.Equal("api", agreements.ServiceAgreement.ConfirmedSession!.Channel);
        Assert.Empty(agreements.StartBlockers);
        var started = await engineer.ActAsync(request.Id, "startService", new { note = "到场" });
        Assert.Equal(ServiceRequestStatus.InService, started.Status);
    }

    [Fact]
    public async Task The_agreement_needs_its_fields_and_a_signed_copy_of_kind_agreement_on_this_request()
    {
        var request = await AcceptedQuoteAsync("49000.00");
        var agent = await App.ClientForAsync("supplier.agent");
        var photo = (await (await agent.UploadAsync(request.Id.ToString(), AttachmentKind.Photo, SampleFiles.Jpeg, "现场.jpg"))
            .ReadAsync<AttachmentView>(HttpStatusCode.Created)).Id;
        var before = await agent.ViewAsync(request.Id);
        var copy = await agent.AgreementCopyAsync(request.Id);

        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordServiceAgreement",
            new { attachmentId = photo, scope = "范围", acceptanceCriteria = "标准", paymentTerms = "条件" })).NamesFieldAsync("attachmentId");
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordServiceAgreement",
            new { attachmentId = copy, scope = "范围", paymentTerms = "条件" })).NamesFieldAsync("acceptanceCriteria");
        await (await agent.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordServiceAgreement",
            new { attachmentId = copy, scope = "范围", acceptanceCriteria = "标准", paymentTerms = "条件", signedOn = "2026-12-01" })).NamesFieldAsync("signedOn");

        var after = await agent.ViewAsync(request.Id);
        Assert.Equal(before.Version + 1, after.Version); // only the upload of the copy
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_the_agreements_and_their_actions()
    {
        var request = await AcceptedQuoteAsync("49000.00");
        var otherCustomer = await App.ClientForAsync("customer2");
        var otherSupplier = await App.ClientForAsync("supplier2.agent");

        await (await otherCustomer.GetAsync($"/api/v1/service-requests/{request.Id}/agreements", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherSupplier.GetAsync($"/api/v1/service-requests/{request.Id}/agreements", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherCustomer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/confirmServiceAgreement", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherSupplier.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordServiceAgreement", new { scope = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherSupplier.PostJsonAsync($"/api/v1/service-requests/{request.Id}/recordConfidentialityAgreement", new { reference = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherCustomer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/authorizeRemoteSession", new { scope = "x" })).ProblemAsync(HttpStatusCode.NotFound);
    }
}
