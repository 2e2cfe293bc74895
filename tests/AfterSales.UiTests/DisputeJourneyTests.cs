using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// A dispute in the browser (R-DSP-1, R-DSP-2): the customer disputes a paid quote with a test report, the supplier
/// answers with its photos, the platform rules for warranty service, the determination letter prints, and the
/// engineer starts the free service.
/// </summary>
public sealed class DisputeJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task A_disputed_quote_is_answered_ruled_printed_and_the_service_proceeds()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.UnderAssessment);
        await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "judge", new
        {
            responsibility = "humanDamage",
            outcome = "paid",
            analysis = "外壳撞击变形，属人为损坏",
            exclusion = "misuse",
            quote = new { lines = new[] { new { kind = "parts", description = "主板", quantity = 1, unitPrice = new { amount = "2000.00", currency = "CNY" } } } },
        });
        (await (await App.ClientForAsync("customer")).UploadAsync(request.Id.ToString(), AttachmentKind.Evidence, SampleFiles.Pdf, "第三方检测报告.pdf")).EnsureSuccessStatusCode();
        (await (await App.ClientForAsync("supplier.agent")).UploadAsync(request.Id.ToString(), AttachmentKind.Evidence, SampleFiles.Pdf, "撞击痕迹照片.pdf")).EnsureSuccessStatusCode();

        // The customer disputes the quote within the 12 h window, ticking the report as evidence.
        var customer = await OpenAsync("customer", request.Number);
        await StartActionAsync(customer, "dispute");
        await FillAsync(customer, "dispute-text", "第三方检测报告证明主板电容批次质量问题，非人为损坏");
        await customer.Locator("[data-testid=action-dialog]").GetByText("第三方检测报告.pdf").ClickAsync();
        await SubmitAsync(customer, ServiceRequestStatus.InArbitration);
        await Expect(customer.Locator("[data-testid=dispute-panel]")).ToHaveAttributeAsync("data-stage", "AwaitingAnswer");
        await Expect(customer.Locator("[data-testid=deadline-row][data-kind=Arbitration]")).ToHaveAttributeAsync("data-open", "true");
        await BrowserApp.ScreenshotAsync(customer, "dispute-01-customer-disputed");

        // The supplier answers with its own evidence; both sides stand next to each other.
        var agent = await OpenAsync("supplier.agent", request.Number);
        await StartActionAsync(agent, "answerDispute");
        await FillAsync(agent, "dispute-text", "外壳有明显撞击痕迹，照片见附件");
        await agent.Locator("[data-testid=action-dialog]").GetByText("撞击痕迹照片.pdf").ClickAsync();
        await SubmitAsync(agent, ServiceRequestStatus.InArbitration);
        await Expect(agent.Locator("[data-testid=dispute-answer]")).ToContainTextAsync("外壳有明显撞击痕迹");
        await Expect(agent.Locator("[data-testid=dispute-claim] [data-testid=evidence-link]")).ToHaveTextAsync("第三方检测报告.pdf");

        // The platform rules: quality problem, free warranty service, the supplier bears all costs.
        var platform = await OpenAsync("platform", request.Number);
        await Expect(platform.Locator("[data-testid=dispute-answer] [data-testid=evidence-link]")).ToHaveTextAsync("撞击痕迹照片.pdf");
        await StartActionAsync(platform, "arbitrate");
        await ChooseAsync(platform, "ruling-responsibility", "质量问题");
        await ChooseAsync(platform, "ruling-outcome", "按质保免费服务");
        await FillAsync(platform, "ruling-decision", "认定为产品质量问题，供应商按质保免费更换主板");
        await FillAsync(platform, "ruling-reasoning", "依据合同第 5 条及第三方检测报告");
        await Expect(platform.Locator("[data-testid=ruling-customer-percent]")).ToContainTextAsync("0%");
        await SubmitAsync(platform, ServiceRequestStatus.Planned);
        await Expect(platform.Locator("[data-testid=dispute-panel]")).ToHaveAttributeAsync("data-stage", "Ruled");
        await BrowserApp.ScreenshotAsync(platform, "dispute-02-platform-ruled");

        // The platform's dispute queue lists it as ruled, with its letter number.
        await platform.GotoAsync("/disputes");
        var row = platform.Locator("[data-testid=dispute-queue] tr").Filter(new() { Has = platform.Locator($"[data-testid=dispute-row]:text-is('{request.Number}')") });
        await Expect(row.Locator("[data-testid=dispute-row-stage]")).ToHaveTextAsync("已裁决·异议期内");
        await Expect(row).ToContainTextAsync($"{request.Number}-PD1");

        // The determination letter prints for the customer.
        await customer.ReloadAsync();
        await customer.WaitForSelectorAsync("[data-circuit=ready]");
        var href = await customer.Locator("[data-testid=open-letter]").GetAttributeAsync("href") ?? string.Empty;
        var letter = await customer.Context.NewPageAsync();
        var response = await letter.GotoAsync(href);
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await Expect(letter.Locator("[data-testid=document-title]")).ToHaveTextAsync("售后责任判定意见书");
        await Expect(letter.Locator("[data-testid=letter-decision]")).ToHaveTextAsync("认定为产品质量问题，供应商按质保免费更换主板");
        await Expect(letter.Locator("[data-testid=letter-number]")).ToHaveTextAsync($"{request.Number}-PD1");
        await BrowserApp.ScreenshotAsync(letter, "dispute-03-determination-letter");

        // Service proceeds under the ruling.
        var engineer = await OpenAsync("supplier.engineer", request.Number);
        await StartActionAsync(engineer, "startService");
        await SubmitAsync(engineer, ServiceRequestStatus.InService);
    }
}
