using System.Text;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// The installed base in bulk (R-BLK-1): the supplier imports a file whose one bad row is named and refuses the whole
/// file, corrects it, checks and imports it; the customer opens a device's archive with its service history.
/// </summary>
public sealed class AssetJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string Header = "设备编号,订单编号,订单行号,数量,安装城市,安装地址,批次,销售日期";

    [Fact]
    public async Task A_supplier_imports_a_file_after_fixing_the_row_the_report_names()
    {
        var supplier = await App.SignInAsync("supplier.agent");
        await supplier.GotoAsync("/assets");
        await supplier.ClickAsync("[data-testid=open-import]");
        await Assertions.Expect(supplier.Locator("[data-testid=page-title]")).ToHaveTextAsync("批量导入设备");
        var template = await supplier.RunAndWaitForDownloadAsync(() => supplier.ClickAsync("[data-testid=template-csv]"));
        var templateText = await File.ReadAllTextAsync(await template.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith(Header, templateText.TrimStart('\uFEFF'), StringComparison.Ordinal);

        // PO-2026-0008 has three PLC-200 and one registered (EQ-0801): line 7 does not exist.
        await PickFileAsync(supplier, "设备导入-1.csv", $"{Header}\r\nEQ-7101,PO-2026-0008,1,,苏州,园区 7 号厂房,,\r\nEQ-7102,PO-2026-0008,7,,苏州,园区 7 号厂房,,\r\n");
        await supplier.ClickAsync("[data-testid=import-check]");
        var bad = supplier.Locator("[data-testid=import-error-row][data-row='3'][data-field=lineNo]");
        await Assertions.Expect(bad).ToContainTextAsync("订单行号");
        await Assertions.Expect(supplier.Locator("[data-testid=import-rejected]")).ToContainTextAsync("未导入任何设备");
        await BrowserApp.ScreenshotAsync(supplier, "asset-import-errors");

        await PickFileAsync(supplier, "设备导入-2.csv", $"{Header}\r\nEQ-7101,PO-2026-0008,1,,苏州,园区 7 号厂房,,\r\nEQ-7102,PO-2026-0008,1,,苏州,园区 7 号厂房,,\r\n");
        await supplier.ClickAsync("[data-testid=import-check]");
        await Assertions.Expect(supplier.Locator("[data-testid=import-checked]")).ToContainTextAsync("2 条记录");
        await Assertions.Expect(supplier.Locator("[data-testid=import-error-row]")).ToHaveCountAsync(0);
        await supplier.ClickAsync("[data-testid=import-run]");
        await Assertions.Expect(supplier.Locator("[data-testid=import-done]")).ToContainTextAsync("已导入 2 条记录");
        await BrowserApp.ScreenshotAsync(supplier, "asset-import-done");

        await supplier.Locator("[data-testid=import-preview-row][data-serial=EQ-7102] a").ClickAsync();
        await Assertions.Expect(supplier.Locator("[data-testid=asset-serial]")).ToContainTextAsync("EQ-7102");
        await Assertions.Expect(supplier.Locator("[data-testid=asset-site]")).ToContainTextAsync("园区 7 号厂房");
    }

    [Fact]
    public async Task A_customer_opens_a_devices_archive_from_the_asset_list()
    {
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.Accepted);
        var customer = await App.SignInAsync("customer");
        await customer.GotoAsync("/assets");

        await customer.Locator("[data-testid=asset-row][data-serial=EQ-0001] [data-testid=asset-link]").ClickAsync();

        await Assertions.Expect(customer.Locator("[data-testid=asset-serial]")).ToContainTextAsync("EQ-0001");
        await Assertions.Expect(customer.Locator("[data-testid=repairs-12-count]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(customer.Locator("[data-testid=history-entry][data-kind=Part]")).ToContainTextAsync("主板");
        await Assertions.Expect(customer.Locator("[data-testid=history-entry][data-kind=Acceptance]")).ToContainTextAsync(request.Number);
        await Assertions.Expect(customer.Locator("[data-testid=asset-warranty-slot]")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(customer, "asset-archive");

        // Another customer's device is not found, not forbidden (R-ROLE-1).
        await customer.GotoAsync("/assets/EQ-0201");
        await Assertions.Expect(customer.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
    }

    /// <summary>Picks the file and waits until the page shows its name: only then do the buttons act on it.</summary>
    private static async Task PickFileAsync(IPage page, string name, string csv)
    {
        await page.Locator("[data-testid=import-input]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Assertions.Expect(page.Locator("[data-testid=import-file]")).ToContainTextAsync(name);
    }
}
