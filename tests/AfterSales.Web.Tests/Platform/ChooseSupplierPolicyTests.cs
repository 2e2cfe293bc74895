using System.Net;
using System.Net.Http.Json;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.Platform;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Platform;

/// <summary>PUT /organizations/{id}/policy: new requests use the new policy, filed ones keep theirs (R-SLA-1).</summary>
public sealed class ChooseSupplierPolicyTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_supplier_moved_to_another_preset_keeps_the_policy_of_requests_already_filed()
    {
        var admin = await App.ClientForAsync("admin");
        var supplierId = await App.OrganizationOfAsync("supplier.agent");
        var before = await admin.GetAsync<OrganizationView>($"/api/v1/organizations/{supplierId}");
        var filed = await new RequestFlow(App).CreateAsync();

        var response = await admin.PutAsJsonAsync($"/api/v1/organizations/{supplierId}/policy", new { policyPreset = PolicyPresets.CableManufacturer }, AfterSalesApp.Json, Ct);
        var after = await response.ReadAsync<OrganizationSummary>();
        var customer = await App.ClientForAsync("customer");
        var newer = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(assetSerial: "EQ-0002"))).ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        var reread = await customer.GetAsync<ServiceRequestView>($"/api/v1/service-requests/{filed.Id}");

        Assert.Equal(PolicyPresets.CableManufacturer, after.PolicyPreset);
        Assert.NotEqual(before.ServicePolicyId, after.Policy!.Id);
        Assert.Equal(before.ServicePolicyId, reread.Policy.Id);
        Assert.Equal(after.Policy.Id, newer.Policy.Id);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, reread.Status);
    }

    [Fact]
    public async Task Only_a_supplier_has_a_policy()
    {
        var admin = await App.ClientForAsync("admin");
        var customerId = await App.OrganizationOfAsync("customer");

        var problem = await (await admin.PutAsJsonAsync($"/api/v1/organizations/{customerId}/policy", new { policyPreset = PolicyPresets.Factory }, AfterSalesApp.Json, Ct))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("R-SLA-1", problem.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task An_unknown_preset_is_a_400_and_the_operator_is_refused()
    {
        var admin = await App.ClientForAsync("admin");
        var operatorClient = await App.ClientForAsync("platform");
        var supplierId = await App.OrganizationOfAsync("supplier2.agent");

        await (await admin.PutAsJsonAsync($"/api/v1/organizations/{supplierId}/policy", new { policyPreset = "nope" }, AfterSalesApp.Json, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PutAsJsonAsync($"/api/v1/organizations/{supplierId}/policy", new { policyPreset = PolicyPresets.Factory }, AfterSalesApp.Json, Ct)).StatusCode);
    }
}
