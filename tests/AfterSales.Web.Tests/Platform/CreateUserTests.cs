using System.Net;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.Platform;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Platform;

/// <summary>POST /organizations/{id}/users: a user in one organisation with a role of that organisation's party kind.</summary>
public sealed class CreateUserTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Admin_adds_a_customer_user_who_signs_in_and_is_listed_with_the_organisation()
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await App.OrganizationOfAsync("customer");

        var created = await admin.CreateUserAsync(customerId, "hengda.buyer", Roles.CustomerUser);
        var me = await (await App.SignInAsync("hengda.buyer", PlatformCalls.NewPassword)).MeAsync();
        var listed = await admin.GetAsync<Page<UserView>>($"/api/v1/organizations/{customerId}/users");

        Assert.Equal(customerId, me.Organization.Id);
        Assert.Equal([Roles.CustomerUser], me.Roles);
        Assert.Contains(listed.Items, u => u.Id == created.Id && u.IsActive && u.DisplayName == "测试用户");
        Assert.Contains(listed.Items, u => u.UserName == "customer");
    }

    [Fact]
    public async Task A_role_of_another_party_kind_is_a_422_naming_the_rule()
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await App.OrganizationOfAsync("customer");

        var problem = await (await admin.PostJsonAsync($"/api/v1/organizations/{customerId}/users",
            new { userName = "hengda.agent", displayName = "越界客服", role = Roles.SupplierAgent, password = PlatformCalls.NewPassword }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("R-ROLE-1", problem.GetProperty("ruleId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.RequestTokenAsync("hengda.agent", PlatformCalls.NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_user_name_already_taken_is_a_409_whatever_its_case()
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await App.OrganizationOfAsync("customer");

        var problem = await (await admin.PostJsonAsync($"/api/v1/organizations/{customerId}/users",
            new { userName = "Customer2", displayName = "重名用户", role = Roles.CustomerUser, password = PlatformCalls.NewPassword }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.True(problem.GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Theory]
    [InlineData("short1A!", null)]
    [InlineData("alllowercase1!", "大写字母")]
    [InlineData("ALLUPPERCASE1!", "小写字母")]
    [InlineData("NoDigitsHere!", "数字")]
    [InlineData("NoSymbols2026", "符号")]
    [InlineData("Sh0rt!", "至少 8 个字符")]
    public async Task A_password_breaking_the_rules_is_a_400_saying_which(string password, string? expected)
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await App.OrganizationOfAsync("customer");

        var response = await admin.PostJsonAsync($"/api/v1/organizations/{customerId}/users",
            new { userName = $"pw.{Guid.NewGuid():N}"[..20], displayName = "密码测试", role = Roles.CustomerUser, password });

        if (expected is null)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return;
        }

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "displayName": "无用户名", "role": "customerUser", "password": "Neu#Pass2026" }""", "userName")]
    [InlineData("""{ "userName": "含 空格", "displayName": "用户名含空格", "role": "customerUser", "password": "Neu#Pass2026" }""", "userName")]
    [InlineData("""{ "userName": "no.display", "role": "customerUser", "password": "Neu#Pass2026" }""", "displayName")]
    [InlineData("""{ "userName": "no.role", "displayName": "无角色", "password": "Neu#Pass2026" }""", "role")]
    [InlineData("""{ "userName": "bad.role", "displayName": "未知角色", "role": "boss", "password": "Neu#Pass2026" }""", "role")]
    [InlineData("""{ "userName": "no.password", "displayName": "无密码", "role": "customerUser" }""", "password")]
    public async Task Invalid_input_is_a_400_naming_the_field(string json, string field)
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await App.OrganizationOfAsync("customer");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var problem = await (await admin.PostAsync($"/api/v1/organizations/{customerId}/users", content, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("platform")]
    [InlineData("supplier.manager")]
    public async Task Anyone_without_users_manage_is_refused_with_403(string userName)
    {
        var client = await App.ClientForAsync(userName);
        var ownOrganization = await App.OrganizationOfAsync(userName);

        var response = await client.PostJsonAsync($"/api/v1/organizations/{ownOrganization}/users",
            new { userName = $"self.{userName}", displayName = "自建用户", role = Roles.CustomerUser, password = PlatformCalls.NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_404()
    {
        var admin = await App.ClientForAsync("admin");

        var response = await admin.PostJsonAsync($"/api/v1/organizations/{Guid.NewGuid()}/users",
            new { userName = "nobody.home", displayName = "无组织", role = Roles.CustomerUser, password = PlatformCalls.NewPassword });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
