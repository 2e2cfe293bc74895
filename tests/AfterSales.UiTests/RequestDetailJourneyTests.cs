using System.Text.RegularExpressions;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// The service-request detail page as every party works on it: requests are filed through the API for speed,
/// then each step is taken in the browser through the page's action bar and dialogs.
/// </summary>
public sealed class RequestDetailJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    /// <summary>
    /// The Foundation's whole journey, every step in the browser: the customer files a warranty request with its
    /// certificate in the portal, and it travels through the supplier and the platform to 已归档.
    /// </summary>
    [Fact]
    public async Task A_request_filed_in_the_portal_with_an_attachment_travels_through_supplier_and_platform_to_closed()
    {
        var customer = await SignInToAsync("customer", "/requests/new?order=PO-2026-0001&asset=EQ-0002&type=warrantyRepair");
        await Expect(customer.Locator("[data-testid=asset-warranty-chip]")).ToHaveAttributeAsync("data-status", "InWarranty");
        await FillAsync(customer, "symptom", "控制器报警 A12，无法联机");
        await FillAsync(customer, "impact", "2 号线停机");
        await FillAsync(customer, "contact-phone", "13800000000");
        await customer.Locator("[data-testid=attachment-input]").SetInputFilesAsync(new FilePayload { Name = "合格证.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await Expect(customer.Locator("[data-testid=attachment-row][data-state=Ready][data-kind=Certificate]")).ToBeVisibleAsync();
        await customer.ClickAsync("[data-testid=submit]");
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        await ExpectStatusAsync(customer, ServiceRequestStatus.PendingReceipt);
        var number = (await customer.InnerTextAsync("[data-testid=request-number]")).Trim();
        Assert.Matches(@"^SR-\d{4}-\d{6}$", number);
        await Expect(customer.Locator("[data-testid=attachment-row][data-kind=Certificate]")).ToContainTextAsync("合格证.pdf");

        var agent = await OpenAsync("supplier.agent", number);
        await StartActionAsync(agent, "receive");
        await SubmitAsync(agent, ServiceRequestStatus.UnderAssessment);
        await StartActionAsync(agent, "judge");
        await ChooseAsync(agent, "judge-responsibility", "质量问题");
        // On site: remote work would first need the pair's confidentiality agreement (R-SEC-1, QuoteJourneyTests and ConfidentialityTests).
        await ChooseAsync(agent, "plan-mode", "上门");
        await FillAsync(agent, "plan-steps", "远程检查后上门更换通讯模块");
        await SubmitAsync(agent, ServiceRequestStatus.Planned);

        var engineer = await OpenAsync("supplier.engineer", number);
        await StartActionAsync(engineer, "startService");
        await SubmitAsync(engineer, ServiceRequestStatus.InService);
        await StartActionAsync(engineer, "completeService");
        await FillAsync(engineer, "complete-work-done", "更换通讯模块，联机测试通过");
        await FillAsync(engineer, "complete-result", "设备恢复正常");
        await SubmitAsync(engineer, ServiceRequestStatus.PendingAcceptance);

        await customer.ReloadAsync();
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        await StartActionAsync(customer, "accept");
        await RateAsync(customer, "rating-timeliness", 5);
        await RateAsync(customer, "rating-expertise", 4);
        await RateAsync(customer, "rating-attitude", 5);
        await SubmitAsync(customer, ServiceRequestStatus.Accepted);

        var platform = await OpenAsync("platform", number);
        await StartActionAsync(platform, "revisit");
        await RateAsync(platform, "revisit-satisfaction", 5);
        await SubmitAsync(platform, ServiceRequestStatus.Revisited);

        await agent.ClickAsync("[data-testid=refresh]");
        await UploadAsync(agent, "维修/保养报告", new FilePayload { Name = "维修单.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await UploadAsync(agent, "现场照片", new FilePayload { Name = "现场照片.png", MimeType = "image/png", Buffer = SampleFiles.Png });
        await StartActionAsync(agent, "archive");
        await SubmitAsync(agent, ServiceRequestStatus.Closed);
        await Expect(agent.Locator("[data-testid=request-status]")).ToHaveTextAsync("已归档");

        await customer.ReloadAsync();
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        await ExpectStatusAsync(customer, ServiceRequestStatus.Closed);
        await BrowserApp.ScreenshotAsync(customer, "journey-closed-customer-view");
    }

    [Fact]
    public async Task A_warranty_request_is_handled_accepted_revisited_and_archived_in_the_page()
    {
        var request = await new RequestFlow(App).CreateAsync();

        var agent = await OpenAsync("supplier.agent", request.Number);
        await ExpectStatusAsync(agent, ServiceRequestStatus.PendingReceipt);
        Assert.Contains("本单适用政策", await agent.InnerTextAsync("[data-testid=request-detail]"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(agent, "detail-01-agent-pending-receipt");

        await StartActionAsync(agent, "receive");
        await FillAsync(agent, "action-note", "初步判断主板故障");
        await SubmitAsync(agent, ServiceRequestStatus.UnderAssessment);

        await StartActionAsync(agent, "judge");
        await ChooseAsync(agent, "judge-responsibility", "质量问题");
        await FillAsync(agent, "judge-analysis", "主板电容老化");
        await Expect(agent.Locator("[data-testid=plan-mode]")).ToHaveTextAsync("上门");
        await FillAsync(agent, "plan-scheduled", "2026-11-24T10:00");
        await FillAsync(agent, "plan-staff-input", "孙浩");
        await agent.ClickAsync("[data-testid=plan-staff-add]");
        await Expect(agent.Locator("[data-testid=plan-staff]")).ToContainTextAsync("孙浩");
        await FillAsync(agent, "plan-steps", "上门更换主板并试机 2 小时");
        await BrowserApp.ScreenshotAsync(agent, "detail-02-agent-judge-plan");
        await SubmitAsync(agent, ServiceRequestStatus.Planned);
        await Expect(agent.Locator("[data-testid=plan-staff-names]")).ToHaveTextAsync("孙浩");
        await Expect(agent.Locator("[data-testid=plan]")).ToContainTextAsync("2026-11-24 10:00");

        var engineer = await OpenAsync("supplier.engineer", request.Number);
        await StartActionAsync(engineer, "startService");
        await FillAsync(engineer, "action-note", "已到达现场");
        await SubmitAsync(engineer, ServiceRequestStatus.InService);

        await StartActionAsync(engineer, "completeService");
        await FillAsync(engineer, "complete-work-done", "更换主板，连续运行 2 小时无异常");
        await engineer.ClickAsync("[data-testid=complete-add-part]");
        await FillAsync(engineer, "part-name", "主板");
        await FillAsync(engineer, "part-number", "MB-850");
        await FillAsync(engineer, "complete-result", "设备恢复正常");
        await BrowserApp.ScreenshotAsync(engineer, "detail-03-engineer-complete");
        await SubmitAsync(engineer, ServiceRequestStatus.PendingAcceptance);

        var customer = await OpenAsync("customer", request.Number);
        Assert.Equal(["accept", "reject"], await ActionButtonsAsync(customer));
        await StartActionAsync(customer, "accept");
        await RateAsync(customer, "rating-timeliness", 5);
        await RateAsync(customer, "rating-expertise", 5);
        await RateAsync(customer, "rating-attitude", 4);
        await FillAsync(customer, "accept-comment", "响应及时，工程师专业");
        await BrowserApp.ScreenshotAsync(customer, "detail-04-customer-accept");
        await SubmitAsync(customer, ServiceRequestStatus.Accepted);
        await Expect(customer.Locator("[data-testid=acceptance-average]")).ToHaveTextAsync("4.7");
        Assert.Empty(await ActionButtonsAsync(customer));

        var platform = await OpenAsync("platform", request.Number);
        await StartActionAsync(platform, "revisit");
        await RateAsync(platform, "revisit-satisfaction", 5);
        await FillAsync(platform, "revisit-notes", "客户满意");
        await SubmitAsync(platform, ServiceRequestStatus.Revisited);

        await agent.ClickAsync("[data-testid=refresh]");
        await ExpectStatusAsync(agent, ServiceRequestStatus.Revisited);
        await Expect(agent.Locator("[data-testid=missing-vouchers]")).ToContainTextAsync("维修/保养报告");
        await Expect(agent.Locator("[data-testid=missing-vouchers]")).ToContainTextAsync("现场照片");
        await BrowserApp.ScreenshotAsync(agent, "detail-05-agent-missing-vouchers");

        // R-ARC-1: archiving before the vouchers are uploaded is refused with the list of what is missing.
        await StartActionAsync(agent, "archive");
        await Expect(agent.Locator("[data-testid=archive-missing]")).ToContainTextAsync("现场照片");
        await agent.ClickAsync("[data-testid=action-submit]");
        await Expect(agent.Locator("[data-testid=action-error]")).ToContainTextAsync("归档前须上传完整服务凭证，缺少：维修/保养报告、现场照片。（规则 R-ARC-1）");
        await agent.ClickAsync("[data-testid=action-dismiss]");
        await Expect(agent.Locator("[data-testid=action-dialog]")).ToHaveCountAsync(0);

        await UploadAsync(agent, "维修/保养报告", new FilePayload { Name = "维修报告.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await Expect(agent.Locator("[data-testid=attachment-row][data-kind=ServiceReport]")).ToContainTextAsync("维修报告.pdf");
        var href = await agent.Locator("[data-testid=attachment-row][data-kind=ServiceReport] [data-testid=attachment-link]").GetAttributeAsync("href");
        var download = await agent.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.Equal(SampleFiles.Pdf, await download.BodyAsync());
        await UploadAsync(agent, "现场照片", new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = SampleFiles.Jpeg });
        await Expect(agent.Locator("[data-testid=attachment-row][data-kind=SitePhoto]")).ToContainTextAsync("现场.jpg");
        await Expect(agent.Locator("[data-testid=missing-vouchers]")).ToHaveCountAsync(0);

        await StartActionAsync(agent, "archive");
        await SubmitAsync(agent, ServiceRequestStatus.Closed);
        await Expect(agent.Locator("[data-testid=request-status]")).ToHaveTextAsync("已归档");
        await Expect(agent.Locator("[data-testid=actions]")).ToHaveCountAsync(0);
        await Expect(agent.Locator("[data-testid=upload]")).ToHaveCountAsync(0);

        var actions = await agent.Locator("[data-testid=timeline-entry]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        Assert.Equal(
            ["submit", "validate", "attachmentAdded", "supplyInfo", "receive", "judge", "startService", "completeService", "accept", "revisit", "attachmentAdded", "attachmentAdded", "archive"],
            actions);
        await AssertNoResourceKeysAsync(agent);
        await BrowserApp.ScreenshotAsync(agent, "detail-06-agent-archived");
    }

    [Fact]
    public async Task A_paid_quote_is_written_from_the_price_list_and_accepted_by_the_customer()
    {
        var request = await new RequestFlow(App).CreateAsync();
        await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "外壳有撞击痕迹" });

        var agent = await OpenAsync("supplier.agent", request.Number);
        await StartActionAsync(agent, "judge");
        await ChooseAsync(agent, "judge-responsibility", "质量问题");
        await agent.ClickAsync("[data-testid=outcome-paid]");
        await agent.ClickAsync("[data-testid=quote-from-pricelist]");
        await agent.ClickAsync("[data-testid=pricelist-item][data-code=P-SM15] [data-testid=pricelist-add]");
        await agent.ClickAsync("[data-testid=quote-add-line]");
        var manual = agent.Locator("[data-testid=quote-line]").Nth(1);
        await manual.Locator("input[data-testid=line-description]").FillAsync("工程师工时");
        await manual.Locator("input[data-testid=line-quantity]").FillAsync("2");
        await manual.Locator("input[data-testid=line-unit-price]").FillAsync("400");
        await Expect(manual.Locator("[data-testid=line-total]")).ToHaveTextAsync("¥800.00");
        await Expect(agent.Locator("[data-testid=quote-editor-total]")).ToHaveTextAsync("¥2,800.00");
        Assert.Equal("15", await InputValueAsync(agent, "quote-lead-time"));
        await FillAsync(agent, "quote-payment-terms", "验收合格后 30 日内付款");
        await Expect(agent.Locator("[data-testid=judge-exclusion-warning]")).ToBeVisibleAsync();

        // R-WTY-4: the asset is in warranty, so a quality fault on a paid quote is refused without an exclusion.
        await agent.ClickAsync("[data-testid=action-submit]");
        await Expect(agent.Locator("[data-testid=action-error]")).ToContainTextAsync("必须引用除外条款");
        await Expect(agent.Locator("[data-testid=action-error]")).ToContainTextAsync("R-WTY-4");
        await BrowserApp.ScreenshotAsync(agent, "detail-07-agent-quote-refused-R-WTY-4");

        await ChooseAsync(agent, "judge-responsibility", "人为损坏");
        await ChooseAsync(agent, "judge-exclusion", "擅自拆卸、改装，碰撞、跌落");
        await SubmitAsync(agent, ServiceRequestStatus.QuotePending);
        await Expect(agent.Locator("[data-testid=quote-total]")).ToHaveTextAsync("¥2,800.00");

        var customer = await OpenAsync("customer", request.Number);
        Assert.Equal(["acceptQuote", "declineQuote", "dispute", "cancel"], await ActionButtonsAsync(customer));
        await StartActionAsync(customer, "acceptQuote");
        var dialog = customer.Locator("[data-testid=action-dialog]");
        await Expect(dialog.Locator("[data-testid=quote-total]")).ToHaveTextAsync("¥2,800.00");
        await Expect(customer.Locator("[data-testid=action-submit]")).ToBeDisabledAsync();
        await dialog.GetByText("确认后即同意按报价付费").ClickAsync();
        await BrowserApp.ScreenshotAsync(customer, "detail-08-customer-accept-quote");
        await SubmitAsync(customer, ServiceRequestStatus.Planned);
        await Expect(customer.Locator("[data-testid=quote-decision]")).ToContainTextAsync("客户已确认");
    }

    [Fact]
    public async Task A_customer_of_another_organisation_sees_only_the_not_found_notice()
    {
        var request = await new RequestFlow(App).CreateAsync();

        var other = await SignInToAsync("customer2", $"/requests/{request.Number}");
        await Expect(other.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        var text = await other.InnerTextAsync("body");
        Assert.DoesNotContain(request.Number, text, StringComparison.Ordinal);
        Assert.DoesNotContain("开机报错", text, StringComparison.Ordinal);

        await other.GotoAsync($"/requests/{request.Id}");
        await Expect(other.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(other, "detail-09-other-customer-not-found");
    }

    [Fact]
    public async Task A_customer_is_told_what_is_missing_uploads_it_and_resubmits()
    {
        var request = await new RequestFlow(App).CreateAsync(withCertificate: false);

        var customer = await OpenAsync("customer", request.Number);
        await ExpectStatusAsync(customer, ServiceRequestStatus.NeedsInfo);
        await Expect(customer.Locator("[data-testid=missing-materials]")).ToContainTextAsync("产品合格证");
        await BrowserApp.ScreenshotAsync(customer, "detail-10-customer-needs-info");

        await UploadAsync(customer, "产品合格证", new FilePayload { Name = "合格证.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await Expect(customer.Locator("[data-testid=attachment-row][data-kind=Certificate]")).ToContainTextAsync("合格证.pdf");
        await Expect(customer.Locator("[data-testid=upload-item][data-state=done] [data-testid=upload-progress]")).ToBeVisibleAsync();
        await Expect(customer.Locator("[data-testid=missing-materials]")).ToContainTextAsync("请点击「补充材料」提交");

        await StartActionAsync(customer, "supplyInfo");
        await Expect(customer.Locator("[data-testid=supply-missing]")).ToHaveCountAsync(0);
        await FillAsync(customer, "action-note", "已上传合格证");
        await SubmitAsync(customer, ServiceRequestStatus.PendingReceipt);
        await Expect(customer.Locator("[data-testid=missing-materials]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_stale_page_is_refused_with_409_and_offers_the_latest_version()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var agent = await OpenAsync("supplier.agent", request.Number);

        // Someone else receives the request after the page was loaded.
        await (await App.ClientForAsync("supplier.manager")).ActAsync(request.Id, "receive", new { note = "经理已受理" });

        await StartActionAsync(agent, "receive");
        await agent.ClickAsync("[data-testid=action-submit]");
        await Expect(agent.Locator("[data-testid=action-error]")).ToContainTextAsync("已被他人修改");
        await BrowserApp.ScreenshotAsync(agent, "detail-11-agent-stale-409");
        await agent.ClickAsync("[data-testid=action-reload]");
        await ExpectStatusAsync(agent, ServiceRequestStatus.UnderAssessment);
        await Expect(agent.Locator("[data-testid=judgement]")).ToContainTextAsync("经理已受理");
    }

    [Fact]
    public async Task The_customer_sees_the_suppliers_progress_without_reloading()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await OpenAsync("customer", request.Number);
        await ExpectStatusAsync(customer, ServiceRequestStatus.PendingReceipt);

        await (await App.ClientForAsync("supplier.agent")).ActAsync(request.Id, "receive", new { note = "已安排工程师分析" });
        App.Clock.Advance(TimeSpan.FromSeconds(30));

        await ExpectStatusAsync(customer, ServiceRequestStatus.UnderAssessment);
        await Expect(customer.Locator("[data-testid=timeline-entry][data-action=receive]")).ToContainTextAsync("已安排工程师分析");
    }

    [Fact]
    public async Task A_customer_rejects_the_work_naming_the_failed_item_and_its_evidence()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.PendingAcceptance);
        var customerApi = await App.ClientForAsync("customer");
        (await customerApi.UploadAsync(request.Id.ToString(), AttachmentKind.Evidence, SampleFiles.Png, "仍报错.png")).EnsureSuccessStatusCode();

        var customer = await OpenAsync("customer", request.Number);
        await StartActionAsync(customer, "reject");
        await FillAsync(customer, "reject-item", "试机 30 分钟后再次报错 E03");
        var evidence = customer.GetByRole(AriaRole.Checkbox, new() { Name = "佐证材料 · 仍报错.png" });
        await evidence.CheckAsync();
        await Expect(evidence).ToBeCheckedAsync();
        await BrowserApp.ScreenshotAsync(customer, "detail-13-customer-reject");
        await SubmitAsync(customer, ServiceRequestStatus.Reservice);

        var rejections = customer.Locator("[data-testid=rejections]");
        await Expect(rejections).ToContainTextAsync("试机 30 分钟后再次报错 E03");
        await Expect(rejections).ToContainTextAsync("仍报错.png");
        Assert.Empty(await ActionButtonsAsync(customer));
    }

    [Fact]
    public async Task Cancelling_asks_for_a_reason_and_a_confirmation_and_then_closes_uploads()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await OpenAsync("customer", request.Number);

        await StartActionAsync(customer, "cancel");
        await Expect(customer.Locator("[data-testid=action-submit]")).ToBeDisabledAsync();
        await customer.Locator("[data-testid=action-dialog]").GetByText("我确认取消此售后单").ClickAsync();

        // No reason: the server's refusal is shown next to the field.
        await customer.ClickAsync("[data-testid=action-submit]");
        await Expect(customer.Locator("[data-testid=action-dialog] .mud-input-helper-text.mud-input-error")).ToContainTextAsync("取消原因不能为空");

        await FillAsync(customer, "action-note", "设备已自行修复");
        await SubmitAsync(customer, ServiceRequestStatus.Cancelled);
        await Expect(customer.Locator("[data-testid=cancel-reason]")).ToContainTextAsync("设备已自行修复");
        await Expect(customer.Locator("[data-testid=upload]")).ToHaveCountAsync(0);
        await Expect(customer.Locator("[data-testid=actions]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_dissatisfied_revisit_is_warned_about_and_reopens_handling()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Accepted);
        var platform = await OpenAsync("platform", request.Number);

        await StartActionAsync(platform, "revisit");
        await Expect(platform.Locator("[data-testid=revisit-reopen-warning]")).ToContainTextAsync("满意度 ≤ 2 分");
        await RateAsync(platform, "revisit-satisfaction", 2);
        await Expect(platform.Locator("[data-testid=revisit-reopen-warning].mud-alert-text-warning")).ToBeVisibleAsync();
        await FillAsync(platform, "revisit-notes", "客户反映仍偶发报错");
        await SubmitAsync(platform, ServiceRequestStatus.Reservice);
        await Expect(platform.Locator("[data-testid=revisit]")).ToContainTextAsync("已重新打开处理");
    }

    [Fact]
    public async Task The_page_reads_in_English_after_the_language_switch()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var customer = await OpenAsync("customer", request.Number);

        await customer.ClickAsync("[data-testid=switch-language]");
        await Expect(customer.Locator("[data-testid=request-status]")).ToHaveTextAsync("Pending receipt");
        await Expect(customer.Locator("[data-testid=deadlines]")).ToContainTextAsync("Deadlines");
        await Expect(customer.Locator("[data-testid=timeline]")).ToContainTextAsync("Submitted");
        await Expect(customer.Locator("[data-testid=request-detail]")).ToContainTextAsync("Policy for this request");
        await AssertNoResourceKeysAsync(customer);
        await BrowserApp.ScreenshotAsync(customer, "detail-12-customer-english");
    }

    /// <summary>A text missing from the resx files shows as its key (e.g. "Deadlines.Title"): none may reach the page.</summary>
    private static async Task AssertNoResourceKeysAsync(IPage page)
    {
        var text = await page.InnerTextAsync("[data-testid=request-detail]");
        Assert.DoesNotMatch(new Regex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+\b"), text);
    }

    private static async Task<string[]> ActionButtonsAsync(IPage page) =>
        (await page.Locator("[data-testid=actions] [data-testid^=action-]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.dataset.testid)"))
        .Select(id => id["action-".Length..]).ToArray();
}
