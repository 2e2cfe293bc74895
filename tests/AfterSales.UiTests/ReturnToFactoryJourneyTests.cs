using System.Net;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.WorkOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// 返厂维修 in the browser (R-EXE-5, issue 6 §5): on the work order's page the supplier's agent books the pickup, confirms
/// it, receives the unit at the factory, records the repair and a passed test and ships it back — each through the
/// panel's dialog — seeing the pickup met and the return due; the customer then confirms receipt and the work order is done.
/// 整机更换 (R-EXE-6): the supplier's manager refuses a replacement with a reason, and the customer reads it.
/// </summary>
public sealed class ReturnToFactoryJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_agent_takes_a_return_to_factory_from_pickup_to_shipped_back_and_the_customer_confirms_receipt()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var created = await (await (await App.ClientForAsync("supplier.agent")).PostJsonAsync("/api/v1/work-orders",
            new { requestId = request.Number, kind = "returnToFactory", summary = "控制器返厂维修" })).ReadAsync<WorkOrderView>(HttpStatusCode.Created);
        var path = $"/work-orders/{created.Id}";

        var agent = await OpenAsync("supplier.agent", path);
        await ExpectStageAsync(agent, "AwaitingPickup");
        await Assertions.Expect(agent.Locator("[data-testid=rtf-pickup-due]")).ToHaveAttributeAsync("data-state", "Running");

        // A missing tracking number is refused in the dialog, naming the field; then the pickup is booked in time.
        await OpenStageAsync(agent, "bookPickup");
        var dialog = agent.Locator("[data-testid=return-dialog]");
        await Input(dialog, "return-carrier").FillAsync("顺丰速运");
        await agent.ClickAsync("[data-testid=return-submit]");
        await Assertions.Expect(agent.Locator("[data-testid=return-dialog-error]")).ToContainTextAsync("运单号");
        await Input(dialog, "return-tracking").FillAsync("SF1002003004");
        await SubmitAsync(agent);
        await ExpectStageAsync(agent, "PickupBooked");
        await Assertions.Expect(agent.Locator("[data-testid=rtf-pickup-due]")).ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(agent.Locator("[data-testid=rtf-pickup]")).ToContainTextAsync("SF1002003004");

        await OpenStageAsync(agent, "confirmPickup");
        await SubmitAsync(agent);
        await ExpectStageAsync(agent, "PickedUp");
        await OpenStageAsync(agent, "receiveAtFactory");
        await Input(agent.Locator("[data-testid=return-dialog]"), "return-text").FillAsync("外包装完好");
        await SubmitAsync(agent);
        await ExpectStageAsync(agent, "AtFactory");
        await Assertions.Expect(agent.Locator("[data-testid=rtf-return-due]")).ToHaveAttributeAsync("data-state", "Running");

        await OpenStageAsync(agent, "recordRepair");
        await Input(agent.Locator("[data-testid=return-dialog]"), "return-text").FillAsync("更换主板及电源模块");
        await SubmitAsync(agent);
        await OpenStageAsync(agent, "recordTest");
        await agent.Locator("[data-testid=return-flag-yes]").ClickAsync();
        await Input(agent.Locator("[data-testid=return-dialog]"), "return-text").FillAsync("连续运行 4 小时无异常");
        await SubmitAsync(agent);
        await ExpectStageAsync(agent, "Tested");
        await Assertions.Expect(agent.Locator("[data-testid=rtf-test]")).ToContainTextAsync("通过");

        await OpenStageAsync(agent, "shipBack");
        await Input(agent.Locator("[data-testid=return-dialog]"), "return-carrier").FillAsync("顺丰速运");
        await Input(agent.Locator("[data-testid=return-dialog]"), "return-tracking").FillAsync("SF2002003004");
        await SubmitAsync(agent);
        await ExpectStageAsync(agent, "ShippedBack");
        await Assertions.Expect(agent.Locator("[data-testid=rtf-return-due]")).ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(agent.Locator("[data-testid=wo-entry][data-action=shipBack]")).ToContainTextAsync("SF2002003004");
        await Assertions.Expect(agent.Locator("[data-testid=return-action]")).ToHaveAttributeAsync("data-action", "confirmDelivery");
        await BrowserApp.ScreenshotAsync(agent, "return-to-factory-shipped");

        // The customer confirms receipt on the same page; the work order is done.
        var customer = await OpenAsync("customer", path);
        await OpenStageAsync(customer, "confirmDelivery");
        await Input(customer.Locator("[data-testid=return-dialog]"), "return-text").FillAsync("已签收，运行正常");
        await SubmitAsync(customer);
        await ExpectStageAsync(customer, "Delivered");
        await Assertions.Expect(customer.Locator("[data-testid=work-order]")).ToHaveAttributeAsync("data-status", "Done");
        await Assertions.Expect(customer.Locator("[data-testid=wo-entry][data-action=confirmDelivery]")).ToContainTextAsync("客户签收");
    }

    [Fact]
    public async Task The_manager_refuses_a_replacement_on_its_page_naming_the_reason_and_the_work_order_is_cancelled()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.InService);
        var created = await (await (await App.ClientForAsync("supplier.agent")).PostJsonAsync("/api/v1/work-orders",
            new { requestId = request.Number, kind = "replacement", summary = "客户要求整机更换" })).ReadAsync<WorkOrderView>(HttpStatusCode.Created);
        var path = $"/work-orders/{created.Id}";

        var manager = await OpenAsync("supplier.manager", path);
        await ExpectStageAsync(manager, "AwaitingApproval");

        // Without a reason the dialog refuses, naming the field; with one the replacement is refused.
        await OpenStageAsync(manager, "refuseReplacement");
        await manager.ClickAsync("[data-testid=return-submit]");
        await Assertions.Expect(manager.Locator("[data-testid=return-dialog-error]")).ToContainTextAsync("驳回理由");
        await Input(manager.Locator("[data-testid=return-dialog]"), "return-text").FillAsync("控制板损坏，可返厂维修，不符合整机更换条件");
        await SubmitAsync(manager);
        await ExpectStageAsync(manager, "Refused");
        await Assertions.Expect(manager.Locator("[data-testid=work-order]")).ToHaveAttributeAsync("data-status", "Cancelled");
        await Assertions.Expect(manager.Locator("[data-testid=return-action]")).ToHaveCountAsync(0);

        // The customer reads why on the same page.
        var customer = await OpenAsync("customer", path);
        await Assertions.Expect(customer.Locator("[data-testid=rep-refused]")).ToContainTextAsync("不符合整机更换条件");
        await Assertions.Expect(customer.Locator("[data-testid=wo-entry][data-action=refuseReplacement]")).ToContainTextAsync("驳回整机更换");
    }

    private async Task<IPage> OpenAsync(string user, string path)
    {
        var page = await App.SignInAsync(user);
        await page.GotoAsync(App.BaseUrl + path);
        await page.WaitForSelectorAsync("[data-testid=return-panel] [data-testid=return-stage]");
        return page;
    }

    private static Task ExpectStageAsync(IPage page, string stage) =>
        Assertions.Expect(page.Locator("[data-testid=return-stage]")).ToHaveAttributeAsync("data-stage", stage);

    private static async Task OpenStageAsync(IPage page, string action)
    {
        await page.ClickAsync($"[data-testid=return-action][data-action={action}]");
        await page.WaitForSelectorAsync($"[data-testid=return-dialog][data-action={action}]");
    }

    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea):not([type=hidden])").First;

    private static async Task SubmitAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=return-submit]");
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=return-dialog]")).ToHaveCountAsync(0);
        }
        catch (PlaywrightException)
        {
            var error = page.Locator("[data-testid=return-dialog-error]");
            throw new InvalidOperationException($"The dialog stayed open: {string.Join(" | ", await error.AllInnerTextsAsync())}");
        }
    }
}
