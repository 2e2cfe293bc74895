using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Documents;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Documents;

/// <summary>
/// R-ARC-3: the standard documents of a request — application form, service plan, paid quote, repair sheet,
/// acceptance form, warranty decision — print from <c>GET /service-requests/{id}/documents/{kind}</c> as HTML with
/// the request number, the parties, the lines and the places to sign, once the record they print exists.
/// </summary>
public sealed class RequestDocumentTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_new_request_prints_its_application_form_with_the_parties_the_symptom_and_the_certificate()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");

        var links = await customer.GetAsync<List<RequestDocumentLink>>($"/api/v1/service-requests/{request.Id}/documents");
        Assert.Equal([RequestDocumentKind.Application, RequestDocumentKind.WarrantyDecision], links.Select(l => l.Kind));

        var html = await HtmlAsync(customer, links[0].Url);
        Assert.Contains("<h1 data-testid=\"document-title\">售后服务申请表</h1>", html, StringComparison.Ordinal);
        Assert.Contains(request.Number, html, StringComparison.Ordinal);
        Assert.Contains("苏州恒达", html, StringComparison.Ordinal);
        Assert.Contains("华东精密机械有限公司", html, StringComparison.Ordinal);
        Assert.Contains("开机报错 E03", html, StringComparison.Ordinal);
        Assert.Contains("合格证.pdf", html, StringComparison.Ordinal);
        Assert.Contains("客户签字（盖章）", html, StringComparison.Ordinal);
        Assert.Contains("PO-2026-0001", html, StringComparison.Ordinal);
        Assert.Contains("EQ-0001", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warranty_repair_waiting_for_acceptance_prints_its_plan_repair_sheet_and_an_acceptance_form_to_sign()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.PendingAcceptance);
        var agent = await App.ClientForAsync("supplier.agent");

        var links = await agent.GetAsync<List<RequestDocumentLink>>($"/api/v1/service-requests/{request.Id}/documents");
        Assert.Equal(
            [RequestDocumentKind.Application, RequestDocumentKind.Plan, RequestDocumentKind.RepairSheet, RequestDocumentKind.Acceptance, RequestDocumentKind.WarrantyDecision],
            links.Select(l => l.Kind));

        var plan = await HtmlAsync(agent, Url(request, "plan"));
        Assert.Contains("售后服务方案", plan, StringComparison.Ordinal);
        Assert.Contains("上门更换主板并试机 2 小时", plan, StringComparison.Ordinal);
        Assert.Contains("孙浩", plan, StringComparison.Ordinal);

        var sheet = await HtmlAsync(agent, Url(request, "repairSheet"));
        Assert.Contains("维修单", sheet, StringComparison.Ordinal);
        Assert.Contains("更换主板，连续运行 2 小时无异常", sheet, StringComparison.Ordinal);
        Assert.Contains("MB-850", sheet, StringComparison.Ordinal);
        Assert.Contains("服务工程师签字", sheet, StringComparison.Ordinal);

        Assert.Contains("待客户验收", await HtmlAsync(agent, Url(request, "acceptance")), StringComparison.Ordinal);

        var customer = await App.ClientForAsync("customer");
        await customer.ActAsync(request.Id, "accept", new { rating = new { timeliness = 5, expertise = 4, attitude = 3 }, comment = "响应及时" });
        var accepted = await HtmlAsync(customer, Url(request, "acceptance"));
        Assert.Contains("验收合格", accepted, StringComparison.Ordinal);
        Assert.Contains("及时性 5 · 专业性 4 · 服务态度 3", accepted, StringComparison.Ordinal);
        Assert.Contains("响应及时", accepted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_quote_prints_each_line_and_the_total_to_the_fen_and_then_the_customers_confirmation()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await App.ClientForAsync("supplier.agent");
        await agent.ActAsync(request.Id, "judge", ServiceRequestPathsTests.PaidJudgement());

        var quote = await HtmlAsync(agent, Url(request, "quote"));
        Assert.Contains("付费服务报价单", quote, StringComparison.Ordinal);
        Assert.Contains("外壳", quote, StringComparison.Ordinal);
        Assert.Contains("<th class=\"num\" data-testid=\"quote-total\">¥800.00</th>", quote, StringComparison.Ordinal);
        Assert.Contains("待客户确认", quote, StringComparison.Ordinal);

        var customer = await App.ClientForAsync("customer");
        await customer.ActAsync(request.Id, "acceptQuote");
        var confirmed = await HtmlAsync(customer, Url(request, "quote"));
        Assert.Contains("电子确认", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain("待客户确认", confirmed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_warranty_decision_prints_its_dates_and_rules_and_reads_in_English_on_request()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");

        var chinese = await HtmlAsync(customer, Url(request, "warrantyDecision"));
        Assert.Contains("质保判定书", chinese, StringComparison.Ordinal);
        Assert.Contains("data-status=\"InWarranty\"", chinese, StringComparison.Ordinal);
        Assert.Contains($"{request.Warranty!.End:yyyy-MM-dd}", chinese, StringComparison.Ordinal);
        Assert.Contains("R-WTY-1", chinese, StringComparison.Ordinal);

        var english = await HtmlAsync(customer, Url(request, "warrantyDecision") + "?culture=en&ui-culture=en");
        Assert.Contains("Warranty decision", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_the_request_does_not_have_yet_or_of_an_unknown_kind_is_refused_with_the_reason()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await App.ClientForAsync("customer");

        var missing = await (await customer.GetAsync(Url(request, "quote"), Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("报价单", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var unknown = await (await customer.GetAsync(Url(request, "invoiceDraft"), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task Another_customer_cannot_print_the_request_and_nobody_signed_out_can()
    {
        var request = await new RequestFlow(App).CreateAsync();

        var other = await App.ClientForAsync("customer2");
        await (await other.GetAsync(Url(request, "application"), Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/service-requests/{request.Id}/documents", Ct)).ProblemAsync(HttpStatusCode.NotFound);

        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url(request, "application"), Ct)).StatusCode);
    }

    private static string Url(ServiceRequestView request, string kind) => $"/api/v1/service-requests/{request.Id}/documents/{kind}";

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return body;
    }
}
