using System.Net;
using AfterSales.Data;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.Audit;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AfterSales.Web.Tests.Audit;

/// <summary>审计日志 (R-X-4): every change to a master record is written with who, when and what, in the same save.</summary>
public sealed class AuditTrailTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Creating_an_organisation_and_a_user_is_on_the_platforms_audit_trail_with_who_and_what()
    {
        var admin = await App.ClientForAsync("admin");
        var created = await admin.CreateOrganizationAsync(new { code = "CUS-AUDIT1", name = "常熟审计测试有限公司", kind = "customer", city = "常熟" });
        await admin.CreateUserAsync(created.Id, "audit1.user", Roles.CustomerUser);

        var platform = await App.ClientForAsync("platform");
        var organization = Assert.Single((await platform.GetAsync<Page<AuditEntryView>>($"/api/v1/audit?entityType=organization&entityId={created.Id}")).Items);
        Assert.Equal("created", organization.Action);
        Assert.Equal("李强", organization.ActorName);
        Assert.Equal("常熟审计测试有限公司", organization.Changes.GetProperty("name").GetProperty("to").GetString());

        var users = (await platform.GetAsync<Page<AuditEntryView>>("/api/v1/audit?entityType=user&actor=李强")).Items;
        var user = Assert.Single(users, u => u.Action == "created" && u.Changes.TryGetProperty("userName", out var name) && name.GetProperty("to").GetString() == "audit1.user");
        Assert.True(user.Changes.GetProperty("passwordHash").GetProperty("changed").GetBoolean());
        Assert.DoesNotContain("AQAAAA", user.Changes.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_a_user_records_the_changed_field_from_and_to()
    {
        var admin = await App.ClientForAsync("admin");
        var organization = await admin.CreateOrganizationAsync(new { code = "CUS-AUDIT2", name = "太仓审计测试有限公司", kind = "customer" });
        var user = await admin.CreateUserAsync(organization.Id, "audit2.user", Roles.CustomerUser);

        (await admin.PostJsonAsync($"/api/v1/users/{user.Id}/deactivate", null)).EnsureSuccessStatusCode();

        var entries = (await admin.GetAsync<Page<AuditEntryView>>($"/api/v1/audit?entityType=user&entityId={user.Id}")).Items;
        var deactivation = Assert.Single(entries, e => e.Action == "updated" && e.Changes.TryGetProperty("isActive", out _));
        Assert.True(deactivation.Changes.GetProperty("isActive").GetProperty("from").GetBoolean());
        Assert.False(deactivation.Changes.GetProperty("isActive").GetProperty("to").GetBoolean());
    }

    [Fact]
    public async Task An_organisation_sees_what_its_own_people_changed_and_nothing_of_others()
    {
        var admin = await App.ClientForAsync("admin");
        await admin.CreateOrganizationAsync(new { code = "CUS-AUDIT3", name = "昆山审计测试有限公司", kind = "customer" });

        var customer = await App.ClientForAsync("customer");
        var customerOrganization = await App.OrganizationOfAsync("customer");
        var seen = (await customer.GetAsync<Page<AuditEntryView>>("/api/v1/audit?page[size]=200")).Items;

        Assert.DoesNotContain(seen, e => e.ActorName == "李强");
        Assert.All(seen, e => Assert.Equal(customerOrganization, e.ActorOrganizationId));
    }

    [Fact]
    public async Task An_unknown_record_type_is_refused_naming_the_parameter()
    {
        var platform = await App.ClientForAsync("platform");

        var problem = await (await platform.GetAsync("/api/v1/audit?entityType=ticket", Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("entityType", out _));
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations_of_this_provider()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration for {TestDatabase.Provider} (README: Adding a migration).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }
}
