using System.Net;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.Platform;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Platform;

/// <summary>Deactivate, reactivate and reset the password of a user: who may sign in afterwards.</summary>
public sealed class UserAccessTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_deactivated_user_gets_no_token_until_reactivated()
    {
        var admin = await App.ClientForAsync("admin");
        var user = await admin.CreateUserAsync(await App.OrganizationOfAsync("supplier.agent"), "hdjm.temp", Roles.SupplierEngineer);
        Assert.Equal(HttpStatusCode.OK, (await App.RequestTokenAsync("hdjm.temp", PlatformCalls.NewPassword)).StatusCode);

        var deactivated = await (await admin.PostJsonAsync($"/api/v1/users/{user.Id}/deactivate", null)).ReadAsync<UserView>();

        Assert.False(deactivated.IsActive);
        await (await App.RequestTokenAsync("hdjm.temp", PlatformCalls.NewPassword)).ProblemAsync(HttpStatusCode.Unauthorized);

        var reactivated = await (await admin.PostJsonAsync($"/api/v1/users/{user.Id}/activate", null)).ReadAsync<UserView>();

        Assert.True(reactivated.IsActive);
        Assert.Equal(HttpStatusCode.OK, (await App.RequestTokenAsync("hdjm.temp", PlatformCalls.NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_before_deactivation_stops_working_at_once()
    {
        var admin = await App.ClientForAsync("admin");
        var user = await admin.CreateUserAsync(await App.OrganizationOfAsync("customer"), "hengda.leaver", Roles.CustomerUser);
        var leaver = await App.SignInAsync("hengda.leaver", PlatformCalls.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/v1/service-requests", Ct)).StatusCode);

        (await admin.PostJsonAsync($"/api/v1/users/{user.Id}/deactivate", null)).EnsureSuccessStatusCode();

        await (await leaver.GetAsync("/api/v1/me", Ct)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await leaver.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody())).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var admin = await App.ClientForAsync("admin");
        var user = await admin.CreateUserAsync(await App.OrganizationOfAsync("customer2"), "haichuan.buyer", Roles.CustomerUser);

        var response = await admin.PostJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "Reset@2027x" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.RequestTokenAsync("haichuan.buyer", PlatformCalls.NewPassword)).StatusCode);
        var me = await (await App.SignInAsync("haichuan.buyer", "Reset@2027x")).MeAsync();
        Assert.Equal("haichuan.buyer", me.UserName);
    }

    [Fact]
    public async Task A_reset_password_must_meet_the_rules()
    {
        var admin = await App.ClientForAsync("admin");
        var user = await admin.CreateUserAsync(await App.OrganizationOfAsync("customer2"), "haichuan.weak", Roles.CustomerUser);

        var problem = await (await admin.PostJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "weak" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, (await App.RequestTokenAsync("haichuan.weak", PlatformCalls.NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_admin_cannot_deactivate_themselves()
    {
        var admin = await App.ClientForAsync("admin");
        var me = await admin.MeAsync();

        await (await admin.PostJsonAsync($"/api/v1/users/{me.Id}/deactivate", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await App.RequestTokenAsync("admin", "Demo@2026")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_may_deactivate_or_reset()
    {
        var operatorClient = await App.ClientForAsync("platform");
        var customer = await (await App.ClientForAsync("customer")).MeAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostJsonAsync($"/api/v1/users/{customer.Id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostJsonAsync($"/api/v1/users/{customer.Id}/password", new { password = "Hack#2026x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.RequestTokenAsync("customer", "Demo@2026")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_is_a_404()
    {
        var admin = await App.ClientForAsync("admin");

        await (await admin.PostJsonAsync($"/api/v1/users/{Guid.NewGuid()}/deactivate", null)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
