using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Data;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Hosting;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Hosting;

/// <summary>What a host offers before anyone files a request: probes, the published contract, sign-in, the caller, demo data.</summary>
public sealed class HostingTests(AfterSalesApp app) : ApiTest(app)
{
    private static readonly string[] DemoUsers =
        ["platform", "admin", "supplier.agent", "supplier.engineer", "supplier.manager", "supplier2.agent", "dealer", "customer", "customer2"];

    [Theory]
    [InlineData("/health/live", "Healthy")]
    [InlineData("/health/ready", "Degraded")]
    public async Task The_health_probes_answer_200_without_signing_in(string path, string status)
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(path, Ct);

        // Ready is Degraded, not Unhealthy, on 2026-11-23: the shipped holiday data ends with 2026, and the ready
        // check warns that cn-9-18 lacks 2027 (R-SLA-2) while the app keeps serving.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_OpenAPI_document_publishes_the_contract_paths_and_camel_case_enum_values()
    {
        using var client = App.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "/api/v1/auth/token", "/api/v1/me", "/api/v1/service-requests", "/api/v1/service-requests/{id}",
                "/api/v1/service-requests/{id}/attachments", "/api/v1/service-requests/{id}/attachments/{attachmentId}",
                "/api/v1/deadlines", "/api/v1/deadlines/breaches", "/api/v1/orders/{number}", "/api/v1/assets/{serial}",
                "/api/v1/organizations/{id}", "/api/v1/policies/{id}", "/api/v1/policies/presets",
            },
            paths);
        foreach (var action in new[] { "supplyInfo", "resolveAtIntake", "receive", "judge", "acceptQuote", "declineQuote", "startService", "completeService", "accept", "reject", "revisit", "archive", "cancel" })
        {
            Assert.True(document.GetProperty("paths").GetProperty($"/api/v1/service-requests/{{id}}/{action}").TryGetProperty("post", out _), action);
        }

        var states = document.GetProperty("components").GetProperty("schemas").GetProperty("DeadlineState").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["running", "paused", "met", "breached"], states);
    }

    [Fact]
    public async Task The_interactive_API_reference_is_an_HTML_page()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync("/scalar", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer2", "Wrong@2026")]
    [InlineData("nobody.here", "Demo@2026")]
    public async Task A_wrong_password_or_unknown_user_gets_the_same_401_problem(string userName, string password)
    {
        using var client = App.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("用户名或密码错误。", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task A_token_request_without_a_user_name_is_400_naming_it()
    {
        using var client = App.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { password = "Demo@2026" }, Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Fact]
    public async Task Me_shows_the_supplier_agent_its_organisation_role_and_permissions()
    {
        var agent = await App.ClientForAsync("supplier.agent");

        var me = await agent.GetAsync<JsonElement>("/api/v1/me");

        Assert.Equal("supplier.agent", me.GetProperty("userName").GetString());
        Assert.Equal("华东精密机械有限公司", me.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("supplier", me.GetProperty("organization").GetProperty("kind").GetString());
        Assert.Equal(["supplierAgent"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(Permissions.RequestsReceive, permissions);
        Assert.DoesNotContain(Permissions.RequestsCreate, permissions);
    }

    [Fact]
    public async Task Every_demo_user_signs_in_and_belongs_to_an_organisation_of_its_roles_party()
    {
        using var client = App.CreateClient();
        foreach (var userName in DemoUsers)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password }, Ct);
            var token = await response.ReadAsync<JsonElement>();
            Assert.Equal(3600, token.GetProperty("expiresIn").GetInt32());
            Assert.False(string.IsNullOrEmpty(token.GetProperty("accessToken").GetString()), userName);

            var me = await (await App.ClientForAsync(userName)).GetAsync<JsonElement>("/api/v1/me");
            var kind = Enum.Parse<PartyKind>(me.GetProperty("organization").GetProperty("kind").GetString()!, ignoreCase: true);
            Assert.All(me.GetProperty("roles").EnumerateArray(), role => Assert.True(
                kind == PartyKind.Platform || Roles.Get(role.GetString()!).Party == kind, $"{userName}: role {role} in a {kind} organisation"));
        }
    }

    [Fact]
    public async Task Seeding_the_demo_data_again_changes_nothing()
    {
        var before = await CountsAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(Ct);
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Equal((7, 9), (before.Organizations, before.Users));
    }

    private async Task<(int Organizations, int Users, int Orders, int Assets, int Policies)> CountsAsync()
    {
        await using var db = App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemContext();
        return (await db.Organizations.CountAsync(Ct), await db.Users.CountAsync(Ct), await db.PurchaseOrders.CountAsync(Ct),
            await db.Assets.CountAsync(Ct), await db.ServicePolicies.CountAsync(Ct));
    }
}
