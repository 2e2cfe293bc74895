using System.Net;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Platform;

/// <summary>POST /organizations: only the platform admin registers customers, suppliers and dealers.</summary>
public sealed class CreateOrganizationTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Admin_creates_a_supplier_on_a_preset_whose_new_user_signs_in_with_the_roles_permissions()
    {
        var admin = await App.ClientForAsync("admin");

        var supplier = await admin.CreateOrganizationAsync(new { code = "sup-test1", name = "常州测试机械有限公司", kind = "supplier", city = "常州", contactPhone = "0519-8000-1000", policyPreset = PolicyPresets.Factory });

        Assert.Equal("SUP-TEST1", supplier.Code);
        Assert.Equal(PartyKind.Supplier, supplier.Kind);
        Assert.Equal(PolicyPresets.Factory, supplier.PolicyPreset);
        Assert.Equal(1, supplier.Policy!.Version);
        Assert.Equal("常州", supplier.City);

        var user = await admin.CreateUserAsync(supplier.Id, "sup-test1.manager", Roles.SupplierManager);
        Assert.True(user.IsActive);
        Assert.Equal(Roles.SupplierManager, Assert.Single(user.Roles).Name);

        var me = await (await App.SignInAsync("sup-test1.manager", PlatformCalls.NewPassword)).MeAsync();
        Assert.Equal(supplier.Id, me.Organization.Id);
        Assert.Equal(PartyKind.Supplier, me.Organization.Kind);
        Assert.Equal([Roles.SupplierManager], me.Roles);
        Assert.Equal(Roles.Get(Roles.SupplierManager).Grants.Order(StringComparer.Ordinal), me.Permissions);
    }

    [Fact]
    public async Task Admin_creates_a_dealer_under_a_supplier_and_a_customer()
    {
        var admin = await App.ClientForAsync("admin");
        var supplierId = await App.OrganizationOfAsync("supplier.agent");

        var dealer = await admin.CreateOrganizationAsync(new { code = "DLR-TEST2", name = "无锡测试经销部", kind = "dealer", parentSupplierId = supplierId });
        var customer = await admin.CreateOrganizationAsync(new { code = "CUS-TEST2", name = "南通测试制造有限公司", kind = "customer" });

        Assert.Equal(supplierId, dealer.ParentSupplier!.Id);
        Assert.Equal("华东精密机械有限公司", dealer.ParentSupplier.Name);
        Assert.Null(dealer.Policy);
        Assert.Equal(PartyKind.Customer, customer.Kind);
        Assert.Equal(customer.Id, (await admin.GetAsync<OrganizationView>($"/api/v1/organizations/{customer.Id}")).Id);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("platform")]
    [InlineData("supplier.manager")]
    public async Task Anyone_but_the_platform_admin_is_refused_with_403(string userName)
    {
        var client = await App.ClientForAsync(userName);

        var response = await client.PostJsonAsync("/api/v1/organizations", new { code = $"CUS-{userName}", name = "越权新建的组织", kind = "customer" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_code_already_taken_is_a_409_naming_the_code_whatever_its_case()
    {
        var admin = await App.ClientForAsync("admin");

        var problem = await (await admin.PostJsonAsync("/api/v1/organizations", new { code = "cus-szhd", name = "重复编码的组织", kind = "customer" }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("CUS-SZHD", problem.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "无编码", "kind": "customer" }""", "code")]
    [InlineData("""{ "code": "有 空格", "name": "编码含空格", "kind": "customer" }""", "code")]
    [InlineData("""{ "code": "CUS-NONAME", "kind": "customer" }""", "name")]
    [InlineData("""{ "code": "CUS-NOKIND", "name": "无类型" }""", "kind")]
    [InlineData("""{ "code": "PLT-2", "name": "第二个平台", "kind": "platform" }""", "kind")]
    [InlineData("""{ "code": "SUP-NOPOLICY", "name": "无政策供应商", "kind": "supplier" }""", "policyPreset")]
    [InlineData("""{ "code": "SUP-BADPOLICY", "name": "未知政策供应商", "kind": "supplier", "policyPreset": "no-such-preset" }""", "policyPreset")]
    [InlineData("""{ "code": "DLR-NOSUP", "name": "无供应商经销商", "kind": "dealer" }""", "parentSupplierId")]
    [InlineData("""{ "code": "CUS-POLICY", "name": "带政策的客户", "kind": "customer", "policyPreset": "factory" }""", "policyPreset")]
    public async Task Invalid_input_is_a_400_naming_the_field(string json, string field)
    {
        var admin = await App.ClientForAsync("admin");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var problem = await (await admin.PostAsync("/api/v1/organizations", content, Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_dealer_cannot_be_placed_under_a_customer()
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await App.OrganizationOfAsync("customer");

        var problem = await (await admin.PostJsonAsync("/api/v1/organizations", new { code = "DLR-UNDERCUS", name = "挂错的经销商", kind = "dealer", parentSupplierId = customerId }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("parentSupplierId", out _));
    }
}
