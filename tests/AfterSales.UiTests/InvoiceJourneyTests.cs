using System.Text.RegularExpressions;
using AfterSales.Domain.ServiceRequests;
using Xunit;

namespace AfterSales.UiTests;

/// <summary>
/// Issue 4's journey, every step in the browser: a customer files a request on an out-of-warranty machine, the
/// supplier quotes from its price list, the customer accepts the quote in the portal, the work is done and accepted,
/// and the invoice appears for the customer; the supplier records a payment in the invoice page's dialog.
/// </summary>
public sealed class InvoiceJourneyTests(BrowserApp app) : RequestJourneyTest(app)
{
    [Fact]
    public async Task Out_of_warranty_work_quoted_from_the_price_list_accepted_and_done_is_invoiced_to_the_customer()
    {
        // The customer files a paid repair on EQ-0101, whose warranty ended (accepted 14 months ago).
        var customer = await SignInToAsync("customer", "/requests/new?order=PO-2025-0007&asset=EQ-0101&type=paidRepair");
        await FillAsync(customer, "symptom", "主轴异响，加工精度下降");
        await FillAsync(customer, "contact-phone", "13800000000");

        // On site: remote work would first need the confidentiality agreement and the customer's authorisation (R-SEC-1).
        await customer.ClickAsync("[data-testid=resolution] label:has-text('上门')");
        await customer.ClickAsync("[data-testid=submit]");
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        await ExpectStatusAsync(customer, ServiceRequestStatus.PendingReceipt);
        var number = (await customer.InnerTextAsync("[data-testid=request-number]")).Trim();

        // The supplier receives it and quotes from the price list.
        var agent = await OpenAsync("supplier.agent", number);
        await StartActionAsync(agent, "receive");
        await SubmitAsync(agent, ServiceRequestStatus.UnderAssessment);
        await StartActionAsync(agent, "judge");
        await ChooseAsync(agent, "judge-responsibility", "质量问题");
        await agent.ClickAsync("[data-testid=outcome-paid]");
        await agent.ClickAsync("[data-testid=quote-from-pricelist]");
        await agent.ClickAsync("[data-testid=pricelist-item][data-code=P-SM15] [data-testid=pricelist-add]");
        await agent.ClickAsync("[data-testid=pricelist-item][data-code=F-ONSITE] [data-testid=pricelist-add]");
        await Expect(agent.Locator("[data-testid=quote-editor-total]")).ToHaveTextAsync("¥2,800.00");
        await SubmitAsync(agent, ServiceRequestStatus.QuotePending);

        // The customer accepts the quote in the portal.
        await customer.ReloadAsync();
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        await StartActionAsync(customer, "acceptQuote");
        await customer.Locator("[data-testid=action-dialog]").GetByText("确认后即同意按报价付费").ClickAsync();
        await SubmitAsync(customer, ServiceRequestStatus.Planned);

        // The work proceeds to completion.
        var engineer = await OpenAsync("supplier.engineer", number);
        await StartActionAsync(engineer, "startService");
        await SubmitAsync(engineer, ServiceRequestStatus.InService);
        await StartActionAsync(engineer, "completeService");
        await FillAsync(engineer, "complete-work-done", "更换主轴伺服电机，试切合格");
        await FillAsync(engineer, "complete-result", "设备恢复正常");
        await SubmitAsync(engineer, ServiceRequestStatus.PendingAcceptance);

        // The customer accepts the work: the invoice is issued and shows on the request page.
        await customer.ReloadAsync();
        await customer.WaitForSelectorAsync("[data-testid=request-detail]");
        await Expect(customer.Locator("[data-testid=request-invoice]")).ToHaveCountAsync(0);
        await StartActionAsync(customer, "accept");
        await RateAsync(customer, "rating-timeliness", 5);
        await RateAsync(customer, "rating-expertise", 5);
        await RateAsync(customer, "rating-attitude", 5);
        await SubmitAsync(customer, ServiceRequestStatus.Accepted);
        await Expect(customer.Locator("[data-testid=request-invoice]")).ToContainTextAsync("¥2,800.00");
        await Expect(customer.Locator("[data-testid=timeline-entry][data-action=invoiceIssued]")).ToHaveCountAsync(1);

        // The 发票 menu lists it; its page shows the lines, tax and the due date 30 days after acceptance.
        await customer.ClickAsync("[data-testid=nav-invoices]");
        var row = customer.Locator($"[data-testid=invoice-row][data-request='{number}']");
        await Expect(row).ToHaveCountAsync(1);
        var invoiceNumber = await row.GetAttributeAsync("data-number");
        Assert.Matches(new Regex(@"^INV-\d{4}-\d{6}$"), invoiceNumber!);
        await row.Locator("[data-testid=invoice-link]").ClickAsync();
        await Expect(customer.Locator("[data-testid=invoice-number]")).ToContainTextAsync(invoiceNumber!);
        await Expect(customer.Locator("[data-testid=invoice-line]")).ToHaveCountAsync(2);
        // 2,000.00 → net 1,769.91 + tax 230.09; 800.00 → net 707.96 + tax 92.04.
        await Expect(customer.Locator("[data-testid=invoice-net]")).ToHaveTextAsync("¥2,477.87");
        await Expect(customer.Locator("[data-testid=invoice-tax]")).ToHaveTextAsync("¥322.13");
        await Expect(customer.Locator("[data-testid=invoice-total]")).ToHaveTextAsync("¥2,800.00");
        await Expect(customer.Locator("[data-testid=invoice-status]")).ToHaveAttributeAsync("data-status", "Unpaid");
        await Expect(customer.Locator("[data-testid=record-payment]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(customer, "invoice-01-customer");

        // The supplier records a part payment; the dialog refuses more than is outstanding before sending it.
        var invoiceUrl = new Uri(customer.Url).AbsolutePath;
        var supplier = await SignInToAsync("supplier.agent", invoiceUrl);
        await supplier.ClickAsync("[data-testid=record-payment]");
        await FillAsync(supplier, "payment-amount", "2800.01");
        await Expect(supplier.Locator("[data-testid=payment-dialog]")).ToContainTextAsync("收款金额不能超过未付金额");
        await Expect(supplier.Locator("[data-testid=payment-submit]")).ToBeDisabledAsync();
        await FillAsync(supplier, "payment-amount", "1000");
        await FillAsync(supplier, "payment-reference", "HX-20261123");
        await supplier.ClickAsync("[data-testid=payment-submit]");
        await Expect(supplier.Locator("[data-testid=payment-dialog]")).ToHaveCountAsync(0);
        await Expect(supplier.Locator("[data-testid=invoice-status]")).ToHaveAttributeAsync("data-status", "PartiallyPaid");
        await Expect(supplier.Locator("[data-testid=invoice-outstanding]")).ToHaveTextAsync("¥1,800.00");
        await Expect(supplier.Locator("[data-testid=payment-row]")).ToContainTextAsync("HX-20261123");
        await BrowserApp.ScreenshotAsync(supplier, "invoice-02-supplier-part-paid");
    }
}
