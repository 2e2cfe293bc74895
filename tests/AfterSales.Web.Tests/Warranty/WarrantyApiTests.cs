using System.Net;
using System.Net.Http.Json;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Warranty;

/// <summary>
/// Warranty decisions with their basis through the API (R-WTY-1..7), the dealer's and the customer's cards, the
/// exclusion catalogue, and judgements checked against the decision (R-JDG-2): each refusal names its field or rule
/// and changes nothing; another organisation's asset or request is 404.
/// </summary>
public sealed class WarrantyApiTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Requests = "/api/v1/service-requests";
    private readonly RequestFlow _flow = new(app);

    private static object Quote(string amount = "3000.00") =>
        new { lines = new[] { new { kind = "parts", description = "主板", quantity = 1, unitPrice = new { amount, currency = "CNY" } } } };

    private static object Plan => new { mode = "onSite", scheduledAt = "2026-11-24T10:00:00+08:00", staff = new[] { "孙浩" }, steps = "上门更换主板" };

    /// <summary>A request of the demo customer received by the supplier, ready to be judged.</summary>
    private async Task<ServiceRequestView> ReceivedAsync(string orderNumber = "PO-2026-0001", string serial = "EQ-0001", string type = "warrantyRepair")
    {
        var request = await _flow.CreateAsync(body: RequestFlow.NewRequestBody(orderNumber, serial, type), withCertificate: type == "warrantyRepair");
        return await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "初步分析" });
    }

    [Fact]
    public async Task The_exclusions_are_listed_with_chinese_and_english_labels()
    {
        var customer = await App.ClientForAsync("customer");

        var exclusions = await customer.GetAsync<List<WarrantyExclusionView>>("/api/v1/warranty/exclusions");

        Assert.Equal(["misuse", "tampering", "forceMajeure", "expired", "noVoucher", "nonOriginalParts"], exclusions.Select(e => e.Code));
        Assert.All(exclusions, e => Assert.Equal("R-WTY-4", e.Rule));
        Assert.Contains(exclusions, e => e.LabelZh.Contains("跌落", StringComparison.Ordinal) && e.LabelEn.Contains("drop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_assets_warranty_shows_status_dates_term_source_and_basis()
    {
        var customer = await App.ClientForAsync("customer");

        var inWarranty = await customer.GetAsync<AssetWarrantyDetail>("/api/v1/assets/EQ-0001/warranty");
        var expired = await customer.GetAsync<AssetWarrantyDetail>("/api/v1/assets/EQ-0101/warranty");

        Assert.Equal(WarrantyStatus.InWarranty, inWarranty.Decision.Status);
        Assert.Equal(new DateOnly(2026, 3, 23), inWarranty.Decision.Start);
        Assert.Equal(new DateOnly(2027, 3, 22), inWarranty.Decision.End);
        Assert.Equal(WarrantyTermSource.Category, inWarranty.Decision.TermSource);
        Assert.Equal("R-WTY-1", inWarranty.Decision.Details[0].Rule);
        Assert.Equal("验收单", inWarranty.Decision.Details[0].Document);
        Assert.Equal(WarrantyStatus.Expired, expired.Decision.Status);
        Assert.Contains("已过保", expired.Decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_asset_or_request_is_404()
    {
        var request = await _flow.CreateAsync();
        var customer2 = await App.ClientForAsync("customer2");
        var supplier2 = await App.ClientForAsync("supplier2.agent");
        var dealer = await App.ClientForAsync("dealer");

        await (await customer2.GetAsync("/api/v1/assets/EQ-0001/warranty", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await customer2.GetAsync($"{Requests}/{request.Id}/warranty", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await App.ClientForAsync("supplier.agent")).GetAsync("/api/v1/assets/MT-0001/warranty", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await dealer.PostJsonAsync("/api/v1/assets/EQ-0001/warranty-card", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await supplier2.PostJsonAsync("/api/v1/assets/EQ-0003/customer-warranty-card", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_dealer_registers_the_card_and_a_late_card_leaves_the_asset_not_registered()
    {
        var admin = await App.ClientForAsync("admin");
        var supplier2 = Assert.Single((await admin.GetAsync<Page<OrganizationView>>("/api/v1/organizations?q=SUP-ZSTW")).Items);
        (await admin.PutAsJsonAsync($"/api/v1/organizations/{supplier2.Id}/policy", new { policyPreset = PolicyPresets.MachineryDealer }, AfterSalesApp.Json, Ct)).EnsureSuccessStatusCode();
        var dealer = await App.ClientForAsync("dealer");

        // MT-0001's card came back 10 days after the sale: covered. MT-0002's never did: not registered.
        var registered = await dealer.GetAsync<AssetWarrantyDetail>("/api/v1/assets/MT-0001/warranty");
        Assert.Equal(WarrantyStatus.InWarranty, registered.Decision.Status);
        Assert.Contains("R-WTY-3", registered.Decision.Basis);
        var missing = await dealer.GetAsync<AssetWarrantyDetail>("/api/v1/assets/MT-0002/warranty");
        Assert.Equal(WarrantyStatus.NotRegistered, missing.Decision.Status);
        Assert.True(missing.CardRequired);
        var soldOn = missing.SoldOn!.Value;
        Assert.Equal(soldOn.AddDays(20), missing.Decision.CardDueBy);

        // The supplier cannot register the dealer's card; a future date or one before the sale is refused by field.
        await (await (await App.ClientForAsync("supplier2.agent")).PostJsonAsync("/api/v1/assets/MT-0002/warranty-card", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await dealer.PostJsonAsync("/api/v1/assets/MT-0002/warranty-card", new { registeredOn = "2026-11-24" })).NamesFieldAsync("registeredOn");
        await (await dealer.PostJsonAsync("/api/v1/assets/MT-0002/warranty-card", new { registeredOn = soldOn.AddDays(-1) })).NamesFieldAsync("registeredOn");

        // The 21st day after the sale is one day late: the card is kept, the asset stays not registered.
        var late = await (await dealer.PostJsonAsync("/api/v1/assets/MT-0002/warranty-card", new { registeredOn = soldOn.AddDays(21) })).ReadAsync<AssetWarrantyDetail>();
        Assert.Equal(soldOn.AddDays(21), late.WarrantyCardRegisteredOn);
        Assert.Equal(WarrantyStatus.NotRegistered, late.Decision.Status);
        Assert.Contains("晚于", late.Decision.Explanation, StringComparison.Ordinal);

        await (await dealer.PostJsonAsync("/api/v1/assets/MT-0002/warranty-card", new { registeredOn = soldOn.AddDays(20) })).NamesRuleAsync("R-WTY-3");
        var asset = await dealer.GetAsync<AssetView>("/api/v1/assets/MT-0002");
        Assert.Equal(WarrantyStatus.NotRegistered, asset.Warranty.Status);
    }

    [Fact]
    public async Task The_supplier_records_the_card_issued_to_the_customer_once()
    {
        var agent = await App.ClientForAsync("supplier.agent");

        await (await (await App.ClientForAsync("customer")).PostJsonAsync("/api/v1/assets/EQ-0003/customer-warranty-card", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostJsonAsync("/api/v1/assets/EQ-0003/customer-warranty-card", new { issuedOn = "2026-11-30" })).NamesFieldAsync("issuedOn");
        var issued = await (await agent.PostJsonAsync("/api/v1/assets/EQ-0003/customer-warranty-card", new { issuedOn = "2026-05-10" })).ReadAsync<AssetWarrantyDetail>();

        Assert.Equal(new DateOnly(2026, 5, 10), issued.CustomerCardIssuedOn);
        var item = Assert.Single(issued.Decision.Details, d => d.Rule == "R-WTY-7");
        Assert.Equal("质保卡", item.Document);
        Assert.Contains("晚于", item.Text, StringComparison.Ordinal); // accepted 2026-03-23, due within a month
        await (await agent.PostJsonAsync("/api/v1/assets/EQ-0003/customer-warranty-card", new { })).NamesRuleAsync("R-WTY-7");
    }

    [Fact]
    public async Task Accepted_work_records_its_parts_on_the_asset_with_three_months_of_their_own()
    {
        var accepted = await _flow.ToAsync(ServiceRequestStatus.Accepted);
        var customer = await App.ClientForAsync("customer");

        var warranty = await customer.GetAsync<AssetWarrantyDetail>("/api/v1/assets/EQ-0001/warranty");

        var part = Assert.Single(warranty.Parts, p => p.ServiceRequestId == accepted.Id);
        Assert.Equal("主板", part.Name);
        Assert.Equal("MB-850", part.PartNumber);
        Assert.Equal(new DateOnly(2026, 11, 23), part.ServicedOn);
        Assert.Equal(3, part.TermMonths);
        Assert.Equal(new DateOnly(2027, 2, 22), part.WarrantyEnd);
        Assert.True(part.Covered);
        Assert.Contains("R-WTY-2", warranty.Decision.Basis);
    }

    [Fact]
    public async Task An_unknown_exclusion_code_is_400_naming_the_exclusion()
    {
        var request = await ReceivedAsync();
        var agent = await App.ClientForAsync("supplier.agent");

        await (await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", new { responsibility = "humanDamage", outcome = "paid", quote = Quote(), exclusion = "R-WTY-4 跌落" }))
            .NamesFieldAsync("exclusion");
        await agent.AssertUnchangedAsync(request);
    }

    [Theory]
    [InlineData("paid", "expired", "exclusion")]       // the decision says covered: "expired" cannot be cited
    [InlineData("inWarranty", "tampering", "exclusion")] // free service cannot cite an exclusion
    public async Task A_judgement_contradicting_a_covered_decision_is_409_R_JDG_2(string outcome, string exclusion, string field)
    {
        var request = await ReceivedAsync();
        var agent = await App.ClientForAsync("supplier.agent");

        var problem = await (await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", new
        {
            responsibility = "humanDamage", outcome, exclusion, quote = outcome == "paid" ? Quote() : null, plan = outcome == "paid" ? null : Plan,
        })).NamesFieldAsync(field, HttpStatusCode.Conflict);

        Assert.Equal("R-JDG-2", problem.GetProperty("ruleId").GetString());
        await agent.AssertUnchangedAsync(request);
    }

    [Theory]
    [InlineData("faultCode", "E 104")]
    [InlineData("evidenceAttachmentIds[0]", null)]
    [InlineData("appraisalAttachmentId", null)]
    public async Task Bad_warranty_input_on_a_judgement_is_400_naming_the_field(string field, string? faultCode)
    {
        var request = await ReceivedAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        object body = field switch
        {
            "faultCode" => new { responsibility = "quality", outcome = "inWarranty", plan = Plan, faultCode },
            "evidenceAttachmentIds[0]" => new { responsibility = "humanDamage", outcome = "paid", quote = Quote(), exclusion = "tampering", evidenceAttachmentIds = new[] { Guid.NewGuid() } },
            _ => new { responsibility = "quality", outcome = "inWarranty", plan = Plan, appraisalFinding = "轴承寿命仅为设计寿命的 10%" },
        };

        await (await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", body)).NamesFieldAsync(field);
        await agent.AssertUnchangedAsync(request);
    }

    [Fact]
    public async Task A_paid_judgement_records_the_fault_code_exclusion_and_evidence_and_shows_them_with_the_decision()
    {
        var request = await ReceivedAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        var photo = await (await agent.UploadAsync(request.Id.ToString(), AttachmentKind.Evidence, SampleFiles.Jpeg, "撞击痕迹.jpg")).ReadAsync<AttachmentView>(HttpStatusCode.Created);

        var judged = await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "humanDamage", outcome = "paid", quote = Quote(), exclusion = "tampering", faultCode = "e-301", evidenceAttachmentIds = new[] { photo.Id },
        });

        Assert.Equal(ServiceRequestStatus.QuotePending, judged.Status);
        var customer = await App.ClientForAsync("customer");
        var warranty = await customer.GetAsync<RequestWarrantyView>($"{Requests}/{request.Id}/warranty");
        Assert.Equal("E-301", warranty.Judgement!.FaultCode);
        Assert.Equal(WarrantyExclusion.Tampering, warranty.Judgement.Exclusion);
        Assert.Equal([photo.Id], warranty.Judgement.EvidenceAttachmentIds);
        Assert.Equal(WarrantyStatus.InWarranty, warranty.Judgement.Decision!.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), warranty.FaultDate);
        Assert.Equal(WarrantyStatus.InWarranty, warranty.Decision!.Status);
    }

    [Fact]
    public async Task An_expired_asset_is_judged_in_warranty_only_with_a_goodwill_reason()
    {
        var request = await ReceivedAsync("PO-2025-0007", "EQ-0101", "paidRepair");
        var agent = await App.ClientForAsync("supplier.agent");

        var problem = await (await agent.PostJsonAsync($"{Requests}/{request.Id}/judge", new { responsibility = "quality", outcome = "inWarranty", plan = Plan }))
            .NamesFieldAsync("goodwillReason", HttpStatusCode.Conflict);
        Assert.Equal("R-JDG-2", problem.GetProperty("ruleId").GetString());
        await agent.AssertUnchangedAsync(request);

        var judged = await agent.ActAsync(request.Id, "judge", new { responsibility = "quality", outcome = "inWarranty", plan = Plan, goodwillReason = "老客户续签框架合同，免费维修一次" });

        Assert.Equal(ServiceRequestStatus.Planned, judged.Status);
        var basis = (await agent.GetAsync<RequestWarrantyView>($"{Requests}/{request.Id}/warranty")).Judgement!;
        Assert.Equal(FreeServiceGround.Goodwill, basis.Ground);
        Assert.Equal("老客户续签框架合同，免费维修一次", basis.GoodwillReason);
        Assert.Equal(WarrantyStatus.Expired, basis.Decision!.Status);
    }

    [Fact]
    public async Task An_appraised_abnormal_part_life_allows_free_replacement_after_warranty()
    {
        var request = await ReceivedAsync("PO-2025-0007", "EQ-0101", "paidRepair");
        var agent = await App.ClientForAsync("supplier.agent");
        var report = await (await agent.UploadAsync(request.Id.ToString(), AttachmentKind.Evidence, SampleFiles.Pdf, "鉴定报告.pdf")).ReadAsync<AttachmentView>(HttpStatusCode.Created);

        var judged = await agent.ActAsync(request.Id, "judge", new
        {
            responsibility = "production", outcome = "inWarranty", plan = Plan, appraisalAttachmentId = report.Id, appraisalFinding = "主轴轴承寿命仅为设计寿命的 15%",
        });

        Assert.Equal(ServiceRequestStatus.Planned, judged.Status);
        var basis = (await agent.GetAsync<RequestWarrantyView>($"{Requests}/{request.Id}/warranty")).Judgement!;
        Assert.Equal(FreeServiceGround.AbnormalLife, basis.Ground);
        Assert.Equal(report.Id, basis.AppraisalAttachmentId);
    }
}
