using Xunit;

namespace AfterSales.UiTests;

/// <summary>Signing in lands each party on its own work list, in Chinese by default.</summary>
public sealed class SignInJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_customer_signs_in_and_sees_their_name_in_Chinese()
    {
        var page = await App.SignInAsync("customer");

        Assert.Contains("张伟", await page.InnerTextAsync("[data-testid=current-user]"), StringComparison.Ordinal);
        Assert.Contains("/requests", page.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "customer-home");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        var context = await App.Browser!.NewContextAsync(new() { BaseURL = App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", "customer");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");

        Assert.Contains("用户名或密码错误", await page.InnerTextAsync("[data-testid=login-error]"), StringComparison.Ordinal);
    }
}
