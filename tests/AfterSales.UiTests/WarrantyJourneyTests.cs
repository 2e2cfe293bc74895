using System.Globalization;
using System.Net.Http.Json;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// Warranty in the browser (R-WTY-3, R-WTY-4, R-JDG-2): the dealer opens an asset's warranty page from the asset list and
/// registers the 三包回执卡, which turns the asset from notRegistered to in warranty; the supplier judges a damaged
/// machine as paid work citing an exclusion from the picker, and customer and supplier see the basis on the request.
/// </summary>
public sealed class WarrantyJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task The_dealer_registers_the_card_and_the_supplier_judges_with_an_exclusion()
    {
        // The dealer's supplier moves to the machinery-dealer policy, whose card rule is 20 days (seed [004]).
        var admin = await App.ClientForAsync("admin");
        var supplier2 = Assert.Single((await admin.GetAsync<Page<OrganizationView>>("/api/v1/organizations?q=SUP-ZSTW")).Items);
        (await admin.PutAsJsonAsync($"/api/v1/organizations/{supplier2.Id}/policy", new { policyPreset = PolicyPresets.MachineryDealer }, AfterSalesApp.Json,
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var dealer = await SignInToAsync("dealer", "/assets");
        await dealer.ClickAsync("[data-testid=asset-row][data-serial=MT-0002] [data-testid=asset-warranty-link]");
        await dealer.WaitForSelectorAsync("[data-testid=asset-warranty]");
        await Expect(dealer.Locator("[data-testid=asset-warranty] [data-testid=warranty-decision]")).ToHaveAttributeAsync("data-status", "notRegistered");
        await Expect(dealer.Locator("[data-testid=card-registered-on]")).ToHaveTextAsync("尚未登记");
        var soldOn = DateOnly.ParseExact((await dealer.Locator("[data-testid=card-sold-on]").InnerTextAsync()).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(dealer.Locator("[data-testid=card-due-by]")).ToHaveTextAsync(soldOn.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await BrowserApp.ScreenshotAsync(dealer, "warranty-01-dealer-card-missing");

        // The card came back on the 20th day after the sale: registered in time, the asset is covered.
        var cardDate = soldOn.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Input(dealer, "card-date").FillAsync(cardDate);
        await dealer.ClickAsync("[data-testid=card-register]");
        await Expect(dealer.Locator("[data-testid=warranty-action-done]")).ToBeVisibleAsync();
        await Expect(dealer.Locator("[data-testid=card-registered-on]")).ToHaveTextAsync(cardDate);
        await Expect(dealer.Locator("[data-testid=asset-warranty] [data-testid=warranty-decision]")).ToHaveAttributeAsync("data-status", "inWarranty");
        await Expect(dealer.Locator("[data-testid=basis-item][data-rule=R-WTY-3]")).ToContainTextAsync("20 天内");
        await Expect(dealer.Locator("[data-testid=card-register]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(dealer, "warranty-02-dealer-card-registered");

        // The supplier judges a covered machine as paid work; the exclusion comes from the picker.
        var request = await new RequestFlow(App).ToAsync(ServiceRequestStatus.UnderAssessment);
        var agent = await SignInToAsync("supplier.agent", $"/requests/{request.Number}");
        await agent.WaitForSelectorAsync("[data-testid=request-detail]");
        await agent.ClickAsync("[data-testid=action-judge]");
        await agent.WaitForSelectorAsync("[data-testid=action-dialog][data-action=judge]");
        await Expect(agent.Locator("[data-testid=judge-warranty] [data-testid=warranty-decision]")).ToHaveAttributeAsync("data-status", "inWarranty");
        await Expect(agent.Locator("[data-testid=judge-warranty] [data-testid=basis-item][data-rule=R-WTY-1]")).ToBeVisibleAsync();
        await ChooseAsync(agent, "judge-responsibility", "人为损坏");
        await agent.ClickAsync("[data-testid=outcome-paid]");
        await agent.ClickAsync("[data-testid=quote-add-line]");
        var line = agent.Locator("[data-testid=quote-line]").First;
        await line.Locator("input[data-testid=line-description]").FillAsync("更换防护罩");
        await line.Locator("input[data-testid=line-quantity]").FillAsync("1");
        await line.Locator("input[data-testid=line-unit-price]").FillAsync("1200");
        await Input(agent, "judge-fault-code").FillAsync("E-301");
        await ChooseAsync(agent, "judge-exclusion", "擅自拆卸、改装，碰撞、跌落");
        await BrowserApp.ScreenshotAsync(agent, "warranty-03-judge-with-exclusion");
        await agent.ClickAsync("[data-testid=action-submit]");
        await Expect(agent.Locator("[data-testid=action-dialog]")).ToHaveCountAsync(0);
        await Expect(agent.Locator("[data-testid=request-status]")).ToHaveAttributeAsync("data-status", nameof(ServiceRequestStatus.QuotePending));
        await Expect(agent.Locator("[data-testid=judgement-exclusion]")).ToContainTextAsync("跌落");
        await Expect(agent.Locator("[data-testid=judgement-fault-code]")).ToHaveTextAsync("E-301");

        // The customer reads the same basis on the request page.
        var customer = await SignInToAsync("customer", $"/requests/{request.Number}");
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        await Expect(customer.Locator("[data-testid=request-warranty] [data-testid=warranty-decision]")).ToHaveAttributeAsync("data-status", "inWarranty");
        await Expect(customer.Locator("[data-testid=judgement-exclusion]")).ToContainTextAsync("跌落");
        await BrowserApp.ScreenshotAsync(customer, "warranty-04-customer-sees-basis");
    }
}
