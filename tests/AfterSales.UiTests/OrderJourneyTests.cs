using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// The installed base through the UI: the supplier enters an order for 苏州恒达 and registers its asset, the customer
/// confirms acceptance and the asset is in warranty from that day (R-ORD-1, R-AST-1, R-WTY-1).
/// </summary>
public sealed class OrderJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_supplier_enters_an_order_and_its_asset_and_the_customer_accepts_it_into_warranty()
    {
        var supplier = await SignInToOrdersAsync("supplier.agent");
        await supplier.ClickAsync("[data-testid=new-order]");

        await supplier.Locator("[data-testid=new-order-number]").FillAsync("PO-2026-7001");
        await PickAsync(supplier, "[data-testid=new-order-customer]", "恒达", "苏州恒达制造有限公司");
        await PickAsync(supplier, "[data-testid=line-product-0]", "VMC", "VMC-850");
        await supplier.Locator("[data-testid=line-quantity-0]").FillAsync("2");
        await supplier.Locator("[data-testid=line-price-0]").FillAsync("386000");
        await supplier.Locator("[data-testid=line-batch-0]").FillAsync("B2026-11");
        await Assertions.Expect(supplier.Locator("[data-testid=new-order-total]")).ToHaveTextAsync("¥772,000.00");
        await BrowserApp.ScreenshotAsync(supplier, "order-new");
        await supplier.ClickAsync("[data-testid=new-order-submit]");

        await Assertions.Expect(supplier.Locator("[data-testid=order-number]")).ToContainTextAsync("PO-2026-7001");
        await Assertions.Expect(supplier.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "Placed");
        await Assertions.Expect(supplier.Locator("[data-testid=order-amount]")).ToHaveTextAsync("¥772,000.00");

        await supplier.ClickAsync("[data-testid=register-asset]");
        await supplier.Locator("[data-testid=register-serial]").FillAsync("EQ-7001");
        await supplier.Locator("[data-testid=register-city]").FillAsync("苏州");
        await supplier.Locator("[data-testid=register-address]").FillAsync("苏州工业园区星湖街 328 号 5 号厂房");
        await supplier.ClickAsync("[data-testid=register-submit]");
        var supplierAsset = supplier.Locator("[data-testid=asset-row][data-serial=EQ-7001]");
        await Assertions.Expect(supplierAsset.Locator("[data-testid=asset-warranty]")).ToHaveAttributeAsync("data-status", "NotStarted");
        await Assertions.Expect(supplier.Locator("[data-testid=order-line][data-line='1']")).ToContainTextAsync("1 / 2");
        await BrowserApp.ScreenshotAsync(supplier, "order-supplier-detail");

        var customer = await SignInToOrdersAsync("customer");
        var row = customer.Locator("[data-testid=order-row][data-number=PO-2026-7001]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(customer, "orders-customer-list");
        await row.Locator("a").ClickAsync();

        await customer.ClickAsync("[data-testid=accept-order]");
        await Assertions.Expect(customer.Locator("[data-testid=accept-warranty-note]")).ToContainTextAsync("2026-11-23");
        await Assertions.Expect(customer.Locator("[data-testid=accept-submit]")).ToBeDisabledAsync();
        await customer.GetByText("我确认货物已到货并验收合格").ClickAsync();
        await BrowserApp.ScreenshotAsync(customer, "order-accept-dialog");
        await customer.ClickAsync("[data-testid=accept-submit]");

        await Assertions.Expect(customer.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(customer.Locator("[data-testid=order-accepted-at]")).ToHaveTextAsync("2026-11-23 09:00");
        var warranty = customer.Locator("[data-testid=asset-row][data-serial=EQ-7001] [data-testid=asset-warranty]");
        await Assertions.Expect(warranty).ToContainTextAsync("在保");
        await Assertions.Expect(warranty).ToContainTextAsync("2027-11-22");
        await Assertions.Expect(customer.Locator("[data-testid=accept-order]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(customer, "order-customer-accepted");
    }

    [Fact]
    public async Task A_supplier_adds_a_product_and_a_price_to_its_catalogue()
    {
        var supplier = await SignInToOrdersAsync("supplier.agent");
        await supplier.ClickAsync("[data-testid=nav-catalogue]");
        await Assertions.Expect(supplier.Locator("[data-testid=product-row][data-model=VMC-850]")).ToBeVisibleAsync();

        await supplier.ClickAsync("[data-testid=add-product]");
        await supplier.Locator("[data-testid=product-model]").FillAsync("CNC-1260");
        await supplier.Locator("[data-testid=product-name]").FillAsync("龙门加工中心");
        await supplier.Locator("[data-testid=product-warranty]").FillAsync("24");
        await supplier.ClickAsync("[data-testid=product-submit]");
        await Assertions.Expect(supplier.Locator("[data-testid=product-row][data-model=CNC-1260]")).ToBeVisibleAsync();

        await supplier.ClickAsync("[data-testid=add-product]");
        await supplier.Locator("[data-testid=product-model]").FillAsync("CNC-1260");
        await supplier.Locator("[data-testid=product-name]").FillAsync("重复型号");
        await supplier.ClickAsync("[data-testid=product-submit]");
        await Assertions.Expect(supplier.Locator("[data-testid=product-error]")).ToContainTextAsync("CNC-1260");
        await supplier.Keyboard.PressAsync("Escape");

        await supplier.GetByRole(AriaRole.Tab, new() { Name = "价格表" }).ClickAsync();
        await supplier.ClickAsync("[data-testid=add-price]");
        await supplier.Locator("[data-testid=price-code]").FillAsync("P-CNC1260-SPINDLE");
        await supplier.Locator("[data-testid=price-name]").FillAsync("主轴组件");
        await supplier.Locator("[data-testid=price-amount]").FillAsync("12800");
        await supplier.Locator("[data-testid=price-unit]").FillAsync("件");
        await supplier.Locator("[data-testid=price-lead-time]").FillAsync("15");
        await supplier.ClickAsync("[data-testid=price-submit]");
        var price = supplier.Locator("[data-testid=price-row][data-code=P-CNC1260-SPINDLE]");
        await Assertions.Expect(price).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(supplier, "catalogue-prices");
    }

    /// <summary>Signs in through the real form straight to the orders list, whatever each party's home page is.</summary>
    private async Task<IPage> SignInToOrdersAsync(string userName)
    {
        var context = await App.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(BrowserApp.StepTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Forders");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        await Assertions.Expect(page.Locator("[data-testid=nav-orders]")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Types into a MudAutocomplete and picks the suggestion that shows <paramref name="option"/>.</summary>
    private static async Task PickAsync(IPage page, string selector, string typed, string option)
    {
        var input = page.Locator(selector);
        await input.ClickAsync();
        await input.FillAsync(typed);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(input).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(option)));
    }
}
