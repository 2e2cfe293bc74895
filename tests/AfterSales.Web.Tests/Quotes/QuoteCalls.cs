using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Quotes;

/// <summary>What the quote and agreement tests share: a received request, a paid judgement body, price-list look-ups.</summary>
internal static class QuoteCalls
{
    public static async Task<ServiceRequestView> ReceivedAsync(AfterSalesApp app, string mode = "onSite")
    {
        var request = await new RequestFlow(app).CreateAsync(body: RequestFlow.NewRequestBody(mode: mode));
        var agent = await app.ClientForAsync("supplier.agent");
        return await agent.ActAsync(request.Id, "receive", new { note = "初步判断人为损坏" });
    }

    /// <summary>A paid judgement (human damage, citing misuse so an in-warranty asset may be charged, R-WTY-4).</summary>
    public static object PaidJudgement(object[] lines, string mode = "onSite", string? validUntil = null, int? partsLeadTimeDays = null) => new
    {
        responsibility = "humanDamage",
        outcome = "paid",
        analysis = "操作不当导致主轴撞击",
        exclusion = "misuse",
        plan = new { mode, scheduledAt = "2026-11-25T10:00:00+08:00", staff = new[] { "孙浩" }, steps = "更换受损部件并试机" },
        quote = new { lines, currency = "CNY", partsLeadTimeDays, paymentTerms = "验收合格后 30 日内付款", validUntil },
    };

    public static object Listed(Guid priceListItemId, decimal quantity, string? amount = null) =>
        amount is null
            ? new { priceListItemId, quantity }
            : new { priceListItemId, quantity, unitPrice = new { amount, currency = "CNY" } };

    public static object Free(string kind, string description, decimal quantity, string amount) =>
        new { kind, description, quantity, unitPrice = new { amount, currency = "CNY" } };

    public static async Task<PriceListItemView> PriceAsync(this HttpClient client, string code) =>
        (await client.GetAsync<Page<PriceListItemView>>($"/api/v1/price-list?q={code}&page[size]=50")).Items.Single(i => i.Code == code);

    public static async Task<Guid> AgreementCopyAsync(this HttpClient client, Guid requestId, string fileName = "协议.pdf")
    {
        var response = await client.UploadAsync(requestId.ToString(), Domain.ServiceRequests.AttachmentKind.Agreement, SampleFiles.Pdf, fileName);
        return (await response.ReadAsync<AttachmentView>(System.Net.HttpStatusCode.Created)).Id;
    }
}
