using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// The complaint ledger in the browser (R-CMP-1): the customer files a complaint from the request's page, the platform
/// verifies it as a staff-service fault naming the engineer, the supplier handles it with a credit, and the customer
/// closes it with feedback — each step through the complaint page's buttons and dialogs.
/// </summary>
public sealed class ComplaintJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_customer_complains_about_a_request_the_platform_verifies_the_supplier_handles_and_the_customer_closes_it()
    {
        var request = await new RequestFlow(App).CreateAsync();

        var customer = await OpenAsync("customer", $"/requests/{request.Number}", "[data-testid=request-detail]");
        await customer.ClickAsync("[data-testid=request-complain]");
        var dialog = customer.Locator("[data-testid=file-complaint-dialog]");
        await Assertions.Expect(Input(dialog, "complaint-request")).ToHaveValueAsync(request.Number);
        await Input(dialog, "complaint-content").FillAsync("工程师上门迟到两小时，且未说明原因");
        await Input(dialog, "complaint-desired").FillAsync("赔礼道歉并给予补偿");
        await BrowserApp.ScreenshotAsync(customer, "complaint-file-dialog");
        await customer.ClickAsync("[data-testid=file-complaint-submit]");
        await ExpectStatusAsync(customer, "Filed");
        var number = (await customer.InnerTextAsync("[data-testid=complaint-number]")).Trim();
        Assert.Matches(@"^TS-2026-\d{6}$", number);
        var url = customer.Url;

        // The platform finds it in the ledger and verifies it: staff service, the engineer at fault.
        var platform = await OpenAsync("platform", "/complaints", "[data-testid=complaint-table]");
        await Assertions.Expect(platform.Locator("[data-testid=complaint-summary]")).ToBeVisibleAsync();
        await platform.Locator($"[data-testid=complaint-row][data-number='{number}'] a").ClickAsync();
        await ExpectStatusAsync(platform, "Filed");
        await platform.ClickAsync("[data-testid=complaint-verify]");
        await ChooseAsync(platform, "verify-responsibility", "服务人员");
        await ChooseAsync(platform, "verify-staff", "孙浩（华东精密机械有限公司）");
        await Input(platform.Locator("[data-testid=complaint-action-dialog]"), "action-text").FillAsync("回访核实：工程师迟到属实");
        await SubmitAsync(platform);
        await ExpectStatusAsync(platform, "Verified");
        await Assertions.Expect(platform.Locator("[data-testid=complaint-responsibility]")).ToHaveTextAsync("服务人员");
        await Assertions.Expect(platform.Locator("[data-testid=complaint-suspend]")).ToBeVisibleAsync();

        // The supplier handles it with a credit.
        var agent = await OpenAsync("supplier.agent", new Uri(url).AbsolutePath, "[data-testid=complaint-number]");
        await agent.ClickAsync("[data-testid=complaint-handle]");
        var handle = agent.Locator("[data-testid=complaint-action-dialog]");
        await Input(handle, "action-text").FillAsync("工程师上门道歉，今后由其他工程师服务");
        await ChooseAsync(agent, "handle-compensation", "补偿金额");
        await Input(handle, "handle-amount").FillAsync("500");
        await SubmitAsync(agent);
        await ExpectStatusAsync(agent, "Handled");
        await Assertions.Expect(agent.Locator("[data-testid=complaint-handling]")).ToContainTextAsync("¥500.00");

        // The customer closes it, satisfied, after confirming.
        await customer.ReloadAsync();
        await ExpectStatusAsync(customer, "Handled");
        await customer.ClickAsync("[data-testid=complaint-close]");
        await customer.Locator("[data-testid=close-satisfied-yes]").ClickAsync();
        await Input(customer.Locator("[data-testid=complaint-action-dialog]"), "action-text").FillAsync("已接受道歉");
        await Assertions.Expect(customer.Locator("[data-testid=action-submit]")).ToBeDisabledAsync();
        await customer.Locator("[data-testid=action-confirm]").ClickAsync();
        await SubmitAsync(customer);
        await ExpectStatusAsync(customer, "Closed");
        await Assertions.Expect(customer.Locator("[data-testid=complaint-feedback]")).ToContainTextAsync("满意");
        await Assertions.Expect(customer.Locator("[data-testid=complaint-step]")).ToHaveCountAsync(4);
        await BrowserApp.ScreenshotAsync(customer, "complaint-closed");

        await customer.ClickAsync("[data-testid=nav-complaints]");
        await Assertions.Expect(customer.Locator($"[data-testid=complaint-row][data-number='{number}']")).ToHaveAttributeAsync("data-status", "Closed");
        await Assertions.Expect(customer.Locator("[data-testid=complaint-export]")).ToHaveAttributeAsync("href", "/api/v1/complaints/export");
    }

    /// <summary>
    /// 停岗待培训 in the browser (R-CMP-1, seed 001): the supplier's manager suspends the engineer a verified complaint found
    /// at fault, the engineer's console says so, and recording the retraining lifts it.
    /// </summary>
    [Fact]
    public async Task The_manager_suspends_the_engineer_at_fault_whose_console_shows_it_until_the_retraining_is_recorded()
    {
        var request = await new RequestFlow(App).CreateAsync();
        var engineerId = (await (await App.ClientForAsync("supplier.engineer")).GetAsync<Me>("/api/v1/me")).Id;
        var filed = await (await (await App.ClientForAsync("customer")).PostJsonAsync("/api/v1/complaints", new { subject = "request", requestId = request.Id.ToString(), content = "工程师态度恶劣" }))
            .ReadAsync<AfterSales.Web.Features.Complaints.ComplaintView>(System.Net.HttpStatusCode.Created);
        (await (await App.ClientForAsync("platform")).PostJsonAsync($"/api/v1/complaints/{filed.Complaint.Id}/verify", new { responsibility = "staffService", staffUserId = engineerId }))
            .EnsureSuccessStatusCode();

        var manager = await OpenAsync("supplier.manager", $"/complaints/{filed.Complaint.Id}", "[data-testid=complaint-number]");
        await manager.ClickAsync("[data-testid=complaint-suspend]");
        await Input(manager.Locator("[data-testid=complaint-action-dialog]"), "action-text").FillAsync("服务态度差，投诉属实");
        await Assertions.Expect(manager.Locator("[data-testid=action-submit]")).ToBeDisabledAsync();
        await manager.Locator("[data-testid=action-confirm]").ClickAsync();
        await SubmitAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=staff-suspended]")).ToContainTextAsync("孙浩");

        var engineer = await OpenAsync("supplier.engineer", "/console/queue", "[data-testid=own-suspension]");
        await Assertions.Expect(engineer.Locator("[data-testid=own-suspension]")).ToContainTextAsync(filed.Complaint.Number);
        await BrowserApp.ScreenshotAsync(engineer, "complaint-engineer-suspended");

        await manager.ClickAsync("[data-testid=complaint-retraining]");
        var retraining = manager.Locator("[data-testid=complaint-action-dialog]");
        await Input(retraining, "retraining-course").FillAsync("服务礼仪与沟通技巧");
        await Input(retraining, "retraining-trainer").FillAsync("周杰");
        await SubmitAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=staff-retrained]")).ToContainTextAsync("服务礼仪与沟通技巧");

        await engineer.ReloadAsync();
        await engineer.WaitForSelectorAsync("[data-testid=nav-complaints]");
        await Assertions.Expect(engineer.Locator("[data-testid=own-suspension]")).ToHaveCountAsync(0);
    }

    private sealed record Me(Guid Id);

    private async Task<IPage> OpenAsync(string user, string path, string ready)
    {
        var page = await App.SignInAsync(user);
        await page.GotoAsync(App.BaseUrl + path);
        await page.WaitForSelectorAsync(ready);
        return page;
    }

    private static Task ExpectStatusAsync(IPage page, string status) =>
        Assertions.Expect(page.Locator("[data-testid=complaint-status]")).ToHaveAttributeAsync("data-status", status);

    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea):not([type=hidden])").First;

    private static async Task ChooseAsync(IPage page, string testId, string optionText)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(optionText, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=action-submit]");
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=complaint-action-dialog]")).ToHaveCountAsync(0);
        }
        catch (PlaywrightException)
        {
            var error = page.Locator("[data-testid=action-error], .mud-input-error");
            throw new InvalidOperationException($"The dialog stayed open: {string.Join(" | ", await error.AllInnerTextsAsync())}");
        }
    }
}
