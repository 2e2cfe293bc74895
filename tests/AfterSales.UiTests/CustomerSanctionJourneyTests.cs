using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// Customer abuse controls in the browser (R-FRD-1): the platform operator rules a request a fake quality claim from its
/// page with evidence, the customer's portal then shows the suspension with its end date and a new request is refused
/// naming it, and a platform admin revokes the sanction from 客户处罚/黑名单 with a reason, which gives the rights back.
/// </summary>
public sealed class CustomerSanctionJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task The_platform_rules_a_fake_claim_the_customer_is_refused_until_the_end_date_and_an_admin_revokes_it()
    {
        var request = await new RequestFlow(App).CreateAsync();

        // The operator rules from the request's page: reason, the certificate as evidence, confirmation.
        var platform = await OpenAsync("platform", request.Number);
        await platform.ClickAsync("[data-testid=rule-fraudulent]");
        var dialog = platform.Locator("[data-testid=rule-fraudulent-dialog]");
        await Input(platform, "rule-reason").FillAsync("现场核查设备运行正常，故障照片系伪造");
        await Expect(platform.Locator("[data-testid=rule-submit]")).ToBeDisabledAsync();
        await platform.Locator("[data-testid=rule-evidence-item]").First.ClickAsync();
        await platform.Locator("[data-testid=rule-confirm]").ClickAsync();
        await BrowserApp.ScreenshotAsync(platform, "sanction-rule-dialog");
        await platform.Locator("[data-testid=rule-submit]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(platform.Locator("[data-testid=request-ruled-fraudulent]")).ToBeVisibleAsync();
        await Expect(platform.Locator("[data-testid=timeline]")).ToContainTextAsync("判定虚假索赔");

        // The customer's portal says so, with the date; a new request is refused with the same words.
        var customer = await SignInToAsync("customer", "/requests");
        await Expect(customer.Locator("[data-testid=customer-sanction-banner]")).ToContainTextAsync("暂停至 2027-02-23");
        await customer.GotoAsync("/requests/new?order=PO-2026-0001&asset=EQ-0002&type=warrantyRepair");
        await Expect(customer.Locator("[data-testid=customer-sanction-banner]")).ToBeVisibleAsync();
        await customer.WaitForSelectorAsync("[data-testid=asset-warranty-chip]");
        await customer.FillAsync("[data-testid=symptom]", "指示灯不亮");
        await customer.FillAsync("[data-testid=contact-phone]", "0512-6555-0101");
        await customer.ClickAsync("[data-testid=submit]");
        await Expect(customer.Locator("[data-testid=form-error]")).ToContainTextAsync("因虚假索赔，贵单位的售后申请权限暂停至 2027-02-23");
        await BrowserApp.ScreenshotAsync(customer, "sanction-customer-refused");
        Assert.EndsWith("/requests/new", new Uri(customer.Url).AbsolutePath, StringComparison.Ordinal);

        // The admin revokes it from the sanctions page: a reason and a confirmation are required.
        var admin = await SignInToAsync("admin", "/platform/customer-sanctions");
        var row = admin.Locator("[data-testid=sanction-row][data-customer='苏州恒达制造有限公司']");
        await Expect(row).ToHaveAttributeAsync("data-state", "Active");
        await admin.ClickAsync("[data-testid=sanction-revoke]");
        var revoke = admin.Locator("[data-testid=revoke-sanction-dialog]");
        await admin.Locator("[data-testid=revoke-confirm]").ClickAsync();
        await Expect(admin.Locator("[data-testid=revoke-submit]")).ToBeDisabledAsync();
        await Input(admin, "revoke-reason").FillAsync("复核鉴定报告，故障属实");
        await admin.Locator("[data-testid=revoke-submit]").ClickAsync();
        await Expect(revoke).ToHaveCountAsync(0);
        await Expect(admin.Locator("[data-testid=sanction-empty]")).ToBeVisibleAsync();
        await ChooseAsync(admin, "sanction-active-filter", "已到期或已撤销");
        await Expect(row).ToHaveAttributeAsync("data-state", "Revoked");
        await Expect(admin.Locator("[data-testid=sanction-revocation]")).ToContainTextAsync("复核鉴定报告，故障属实");

        // The customer's banner is gone.
        await customer.GotoAsync("/requests");
        await customer.WaitForSelectorAsync("[data-testid=page-title]");
        await Expect(customer.Locator("[data-testid=customer-sanction-banner]")).ToHaveCountAsync(0);
    }
}
