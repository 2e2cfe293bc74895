using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Web.Features.Platform;
using AfterSales.Web.Security;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Platform;

/// <summary>Calls the platform tests share: sign-in with any password, the caller's organisation, creating orgs and users.</summary>
internal static class PlatformCalls
{
    public const string NewPassword = "Neu#Pass2026";

    public static async Task<HttpResponseMessage> RequestTokenAsync(this AfterSalesApp app, string userName, string password)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, TestContext.Current.CancellationToken);
    }

    /// <summary>A bearer client for a user the test created (not cached: the password may change).</summary>
    public static async Task<HttpClient> SignInAsync(this AfterSalesApp app, string userName, string password)
    {
        using var response = await app.RequestTokenAsync(userName, password);
        var token = (await response.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<AuthApi.MeView> MeAsync(this HttpClient client) => await client.GetAsync<AuthApi.MeView>("/api/v1/me");

    public static async Task<Guid> OrganizationOfAsync(this AfterSalesApp app, string demoUser) =>
        (await (await app.ClientForAsync(demoUser)).MeAsync()).Organization.Id;

    public static async Task<OrganizationSummary> CreateOrganizationAsync(this HttpClient admin, object body) =>
        await (await admin.PostJsonAsync("/api/v1/organizations", body)).ReadAsync<OrganizationSummary>(HttpStatusCode.Created);

    public static async Task<UserView> CreateUserAsync(this HttpClient admin, Guid organizationId, string userName, string role, string password = NewPassword) =>
        await (await admin.PostJsonAsync($"/api/v1/organizations/{organizationId}/users", new { userName, displayName = "测试用户", role, password }))
            .ReadAsync<UserView>(HttpStatusCode.Created);
}
