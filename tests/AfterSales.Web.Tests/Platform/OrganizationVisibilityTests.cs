using System.Net;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.Platform;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Platform;

/// <summary>Who sees which organisation and whose users (R-ROLE-1): the platform all, others only their own.</summary>
public sealed class OrganizationVisibilityTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Customer2_gets_404_for_the_other_customers_organisation()
    {
        var customerOrganization = await App.OrganizationOfAsync("customer");
        var customer2 = await App.ClientForAsync("customer2");

        await (await customer2.GetAsync($"/api/v1/organizations/{customerOrganization}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await customer2.GetAsync($"/api/v1/organizations/{customerOrganization}/users", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_customer_reading_its_own_users_without_users_manage_gets_403()
    {
        var customer = await App.ClientForAsync("customer");
        var own = await App.OrganizationOfAsync("customer");

        await (await customer.GetAsync($"/api/v1/organizations/{own}/users", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_supplier_gets_404_for_the_users_of_a_customer_it_serves()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var customerOrganization = await App.OrganizationOfAsync("customer");

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/organizations/{customerOrganization}", Ct)).StatusCode);
        await (await agent.GetAsync($"/api/v1/organizations/{customerOrganization}/users", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_platform_operator_reads_every_organisations_users_with_roles()
    {
        var operatorClient = await App.ClientForAsync("platform");
        var supplierOrganization = await App.OrganizationOfAsync("supplier.agent");

        var users = await operatorClient.GetAsync<Page<UserView>>($"/api/v1/organizations/{supplierOrganization}/users");

        Assert.Equal(["supplier.agent", "supplier.engineer", "supplier.manager"], users.Items.Select(u => u.UserName).Order(StringComparer.Ordinal));
        Assert.Equal("售后经理", users.Items.Single(u => u.UserName == "supplier.manager").Roles.Single().DisplayZh);
        Assert.All(users.Items, u => Assert.True(u.IsActive));
    }

    [Fact]
    public async Task Users_are_paged_by_keyset()
    {
        var admin = await App.ClientForAsync("admin");
        var supplierOrganization = await App.OrganizationOfAsync("supplier.agent");

        var first = await admin.GetAsync<Page<UserView>>($"/api/v1/organizations/{supplierOrganization}/users?page[size]=2");
        var second = await admin.GetAsync<Page<UserView>>($"/api/v1/organizations/{supplierOrganization}/users?page[size]=2&page[after]={first.Next}");

        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Next);
        Assert.Single(second.Items);
        Assert.Null(second.Next);
        Assert.Empty(first.Items.Select(u => u.Id).Intersect(second.Items.Select(u => u.Id)));
    }

    [Fact]
    public async Task A_user_of_another_organisation_is_a_404_for_a_customer()
    {
        var customer = await App.ClientForAsync("customer");
        var customer2 = await (await App.ClientForAsync("customer2")).MeAsync();

        await (await customer.GetAsync($"/api/v1/users/{customer2.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(PartyKind.Customer, customer2.Organization.Kind);
    }
}
