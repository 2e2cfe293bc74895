using AfterSales.Domain.Policies;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Catalogue;

/// <summary>售后政策: the five seed presets and the policy versions every party may read (R-SLA-1).</summary>
public sealed class PolicyReadTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_presets_are_the_five_seed_policies()
    {
        var customer = await App.ClientForAsync("customer");

        var presets = await customer.GetAsync<List<PresetView>>("/api/v1/policies/presets");

        Assert.Equal(
            [PolicyPresets.B2BPlatform, PolicyPresets.FurnishingSupplier, PolicyPresets.CableManufacturer, PolicyPresets.Factory, PolicyPresets.MachineryDealer],
            presets.Select(p => p.Key));
        Assert.Equal(12, presets[0].Figures.Warranty.MonthsByCategory["equipment"]);
        Assert.Equal(6, presets[0].Figures.Warranty.MonthsByCategory["parts"]);
    }

    [Fact]
    public async Task A_customer_reads_a_preset_policy_by_id()
    {
        var customer = await App.ClientForAsync("customer");
        var policies = await customer.GetAsync<List<PolicyView>>("/api/v1/policies");
        var preset = policies.First(p => p.PresetKey == PolicyPresets.B2BPlatform && p.OwnerOrganizationId is null);

        var read = await customer.GetAsync<PolicyView>($"/api/v1/policies/{preset.Id}");

        Assert.Equal(PolicyPresets.B2BPlatform, read.PresetKey);
        Assert.Equal(preset.Version, read.Version);
        Assert.Equal(12, read.Figures.Warranty.MonthsByCategory["equipment"]);
    }
}
