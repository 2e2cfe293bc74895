using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 我的今日工单 on a phone (issue 6 §9, R-EXE-2): at 390×844 the engineer opens today's work, checks in, records a note
/// and the test run, takes a site photo, has the customer sign the repair sheet on the screen, and checks out.
/// </summary>
public sealed class WorkOrderJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task On_a_phone_the_engineer_checks_in_records_a_note_gets_the_repair_sheet_signed_and_checks_out()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var agent = await App.ClientForAsync("supplier.agent");
        var engineerId = (await (await App.ClientForAsync("supplier.engineer")).GetAsync<Me>("/api/v1/me")).Id;
        var created = await (await agent.PostJsonAsync("/api/v1/work-orders", new
        {
            requestId = request.Number, kind = "onSite", summary = "上门更换主轴编码器并试机", requiredCertificate = "electrician", siteAccess = "进厂须佩戴安全帽",
        })).ReadAsync<WorkOrderView>(HttpStatusCode.Created);
        (await agent.PostJsonAsync($"/api/v1/work-orders/{created.Id}/dispatch", new { engineerUserId = engineerId })).EnsureSuccessStatusCode();

        var context = await App.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(BrowserApp.StepTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString("/my/today")}");
        await page.FillAsync("#userName", "supplier.engineer");
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");

        var card = page.Locator($"[data-testid=wo-card][data-number='{created.Number}']");
        await Expect(card).ToHaveAttributeAsync("data-status", "Dispatched");
        await Expect(card.Locator("[data-testid=wo-address]")).ToContainTextAsync("苏州工业园区星湖街 328 号");
        Assert.StartsWith("https://uri.amap.com/search?keyword=", await card.Locator("[data-testid=wo-map]").GetAttributeAsync("href"));
        await Expect(card.Locator("[data-testid=wo-site-access]")).ToContainTextAsync("进厂须佩戴安全帽");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The phone view must not scroll sideways.");
        await BrowserApp.ScreenshotAsync(page, "work-order-phone-dispatched");

        await card.Locator("[data-testid=wo-checkin]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", "InProgress");
        await Expect(card.Locator("[data-testid=wo-checked-in]")).ToBeVisibleAsync();

        await Input(page, "wo-note").FillAsync("已更换编码器线缆，客户现场确认");
        await Input(page, "wo-testrun-hours").FillAsync("2");
        await Input(page, "wo-testrun-result").FillAsync("连续运行 2 小时无报警");
        await card.Locator("[data-testid=wo-record]").ClickAsync();
        await Expect(Input(page, "wo-note")).ToHaveValueAsync(string.Empty);

        var photo = card.Locator("input[type=file][data-testid=wo-photo]");
        Assert.Equal(("image/*", "environment"), (await photo.GetAttributeAsync("accept"), await photo.GetAttributeAsync("capture")));
        await photo.SetInputFilesAsync(new FilePayload { Name = "现场.png", MimeType = "image/png", Buffer = SampleFiles.Png });
        await Expect(page.Locator(".mud-snackbar").GetByText("照片已上传")).ToBeVisibleAsync();

        // The customer signs with a finger on the canvas.
        await Input(page, "wo-signer").FillAsync("张工");
        var canvas = card.Locator("[data-testid=wo-signature-canvas]");
        await Expect(canvas).ToHaveAttributeAsync("data-signature", "ready");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + 30);
        await page.Mouse.DownAsync();
        foreach (var step in Enumerable.Range(1, 12))
        {
            await page.Mouse.MoveAsync(box.X + 20 + (step * 20), box.Y + 30 + (step % 2 == 0 ? 40 : 0));
        }

        await page.Mouse.UpAsync();
        await card.Locator("[data-testid=wo-sign]").ClickAsync();
        await Expect(card.Locator("[data-testid=wo-signature]")).ToContainTextAsync("已签：张工");
        await BrowserApp.ScreenshotAsync(page, "work-order-phone-signed");

        await card.Locator("[data-testid=wo-checkout]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", "Done");
        await Expect(card.Locator("[data-testid=wo-checked-out]")).ToBeVisibleAsync();

        // What the phone did is on the record: the work order's timeline and the request's signed sheet (image/png).
        var done = await agent.GetAsync<WorkOrderView>($"/api/v1/work-orders/{created.Id}");
        Assert.Equal((WorkOrderStatus.Done, "张工", 2m), (done.Status, done.SignedBy, done.TestRunHours));
        Assert.Equal(["create", "dispatch", "checkIn", "record", "record", "signRepairSheet", "checkOut"], done.Timeline.Select(t => t.Action));
        Assert.Contains("已更换编码器线缆，客户现场确认", done.Timeline[3].Note);
        Assert.Contains("现场.png", done.Timeline[4].Note);
        var attachments = (await agent.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{request.Id}")).Attachments;
        var sheet = Assert.Single(attachments, a => a.Id == done.SignatureAttachmentId);
        Assert.Equal((AttachmentKind.ServiceReport, "image/png"), (sheet.Kind, sheet.ContentType));
        Assert.True(sheet.Size > 500, "The stored signature is the drawn canvas, not an empty image.");
        Assert.Contains(attachments, a => a.Kind == AttachmentKind.SitePhoto && a.FileName == "现场.png");
    }

    [Fact]
    public async Task The_agent_creates_a_work_order_from_the_request_page_and_dispatches_it_to_the_suggested_engineer()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var page = await OpenAsync("supplier.agent", request.Number);
        var panel = page.Locator("[data-testid=work-orders]");
        await Input(page, "work-order-summary").FillAsync("上门检查主轴异响");
        await panel.Locator("[data-testid=work-order-create]").ClickAsync();

        var detail = page.Locator("[data-testid=work-order]");
        await Expect(detail).ToHaveAttributeAsync("data-status", "Created");
        var suggestions = page.Locator("[data-testid=wo-suggestion]");
        await Expect(suggestions.First).ToHaveAttributeAsync("data-engineer", "孙浩");
        await suggestions.First.Locator("[data-testid=wo-dispatch-to]").ClickAsync();
        await Expect(detail).ToHaveAttributeAsync("data-status", "Dispatched");
        await Expect(page.Locator("[data-testid=wo-entry][data-action=dispatch]")).ToContainTextAsync("派工给 孙浩（苏州）");

        // Back on the request page the work order is listed, and completing the service is refused while it is open.
        await page.GotoAsync($"/requests/{request.Number}");
        await Expect(page.Locator("[data-testid=work-order-row]")).ToHaveAttributeAsync("data-status", "Dispatched");
        var engineer = await App.ClientForAsync("supplier.engineer");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await engineer.PostJsonAsync($"/api/v1/service-requests/{request.Id}/completeService",
            new { workDone = "检查", result = "正常" })).StatusCode);
    }

    private sealed record Me(Guid Id);
}
