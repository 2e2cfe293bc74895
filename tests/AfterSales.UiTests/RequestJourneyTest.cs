using AfterSales.Domain.ServiceRequests;
using Microsoft.Playwright;

namespace AfterSales.UiTests;

/// <summary>
/// The steps every journey through a request's page takes: sign in straight to a page, open a request, start a
/// workflow action and submit its dialog, fill and choose MudBlazor fields, rate, upload.
/// </summary>
public abstract class RequestJourneyTest(BrowserApp app) : BrowserTest(app)
{
    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Signs in through the real form straight to a page (the sign-in form honours returnUrl).</summary>
    protected async Task<IPage> SignInToAsync(string user, string path)
    {
        var context = await App.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(BrowserApp.StepTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(path)}");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", "Demo@2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-circuit=ready]");
        return page;
    }

    protected async Task<IPage> OpenAsync(string user, string number)
    {
        var page = await SignInToAsync(user, $"/requests/{number}");
        await page.WaitForSelectorAsync("[data-testid=request-detail]");
        return page;
    }

    protected static Task ExpectStatusAsync(IPage page, ServiceRequestStatus status) =>
        Expect(page.Locator("[data-testid=request-status]")).ToHaveAttributeAsync("data-status", status.ToString());

    protected static async Task StartActionAsync(IPage page, string action)
    {
        await page.ClickAsync($"[data-testid=action-{action}]");
        await page.WaitForSelectorAsync($"[data-testid=action-dialog][data-action={action}]");
    }

    /// <summary>Submits the open dialog and waits for it to close and the page to show the new status.</summary>
    protected static async Task SubmitAsync(IPage page, ServiceRequestStatus expected)
    {
        await page.ClickAsync("[data-testid=action-submit]");
        try
        {
            await Expect(page.Locator("[data-testid=action-dialog]")).ToHaveCountAsync(0);
        }
        catch (PlaywrightException)
        {
            var error = page.Locator("[data-testid=action-error], .mud-input-error");
            throw new InvalidOperationException($"The dialog stayed open: {string.Join(" | ", await error.AllInnerTextsAsync())}");
        }

        await ExpectStatusAsync(page, expected);
    }

    /// <summary>The text input or text area a MudBlazor field with this test id renders.</summary>
    protected static ILocator Input(IPage page, string testId) =>
        page.Locator($":is(input, textarea)[data-testid={testId}], [data-testid={testId}] :is(input, textarea):not([type=hidden])").First;

    protected static Task FillAsync(IPage page, string testId, string value) => Input(page, testId).FillAsync(value);

    protected static Task<string> InputValueAsync(IPage page, string testId) => Input(page, testId).InputValueAsync();

    protected static async Task ChooseAsync(IPage page, string testId, string optionText)
    {
        await page.ClickAsync($"[data-testid={testId}]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(optionText, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    protected static Task RateAsync(IPage page, string testId, int stars) =>
        page.Locator($"[data-testid={testId}] .mud-rating-item").Nth(stars - 1).ClickAsync();

    protected static async Task UploadAsync(IPage page, string kindLabel, FilePayload file)
    {
        await ChooseAsync(page, "upload-kind", kindLabel);
        await page.Locator("[data-testid=upload-input]").SetInputFilesAsync(file);
        await Expect(page.Locator("[data-testid=upload-item][data-state=done]").GetByText(file.Name)).ToBeVisibleAsync();
    }
}
