using System.Net;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.Policies;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.Penalties;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Penalties;

/// <summary>
/// 违约金试算 (issue 3 §8): what a policy's rules charge for a deadline kind met late, to the fen (R-PEN-3: 四舍五入
/// once, on the total; a started day counts as a day).
/// </summary>
public sealed class PenaltyPreviewTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task Preset_000_charges_500_plus_0_1_percent_per_day_for_a_receive_deadline_a_week_late()
    {
        var url = await PreviewUrlAsync(PolicyPresets.B2BPlatform);

        var preview = await (await App.ClientForAsync("platform")).GetAsync<PenaltyPreview>($"{url}?kind=receive&orderAmount=386000.00&late=P7D");

        Assert.Equal((DeadlineKind.Receive, "受理", "P7D", "386000.00"), (preview.Kind, preview.KindLabel, preview.Late, preview.OrderAmount.AmountText));
        Assert.Collection(
            preview.Items,
            deposit =>
            {
                Assert.Equal(("late-response-deposit", "R-PEN-2", PenaltyAccount.SupplierDeposit, "500.00"), (deposit.RuleCode, deposit.RuleId, deposit.Account, deposit.Amount.AmountText));
                Assert.Equal("逾期响应扣保证金", deposit.Name);
            },
            compensation =>
            {
                Assert.Equal(("late-per-day-compensation", "R-PEN-1", PenaltyAccount.CustomerCompensation, "2702.00"),
                    (compensation.RuleCode, compensation.RuleId, compensation.Account, compensation.Amount.AmountText));
                Assert.Contains("386000.00 × 0.1% × 7 日", compensation.Explanation);
            });
        Assert.Equal(("3202.00", "CNY"), (preview.Total.AmountText, preview.Total.Currency));
    }

    [Theory]
    [InlineData("123456.78", "P7D", "864.20")]
    [InlineData("2125.00", "PT1H", "2.13")]
    [InlineData("413000", "PT25H", "826.00")]
    [InlineData("413000", "P1DT2H", "826.00")]
    public async Task The_per_day_compensation_is_rounded_once_to_the_fen(string orderAmount, string late, string expected)
    {
        var url = await PreviewUrlAsync(PolicyPresets.B2BPlatform);

        // A plan deadline carries the per-day compensation alone (no deposit deduction).
        var preview = await (await App.ClientForAsync("supplier.agent")).GetAsync<PenaltyPreview>($"{url}?kind=plan&orderAmount={orderAmount}&late={late}");

        Assert.Equal(expected, Assert.Single(preview.Items).Amount.AmountText);
        Assert.Equal(expected, preview.Total.AmountText);
    }

    [Theory]
    [InlineData("PT59M", "0.00")]
    [InlineData("PT1H", "0.00")]
    [InlineData("PT1H1M", "100.00")]
    public async Task The_engineer_late_fine_of_preset_001_starts_after_an_hour_of_grace(string late, string expected)
    {
        var url = await PreviewUrlAsync(PolicyPresets.FurnishingSupplier);

        var preview = await (await App.ClientForAsync("platform")).GetAsync<PenaltyPreview>($"{url}?kind=onSiteArrival&orderAmount=10000&late={late}");

        var fine = Assert.Single(preview.Items);
        Assert.Equal(("engineer-late-fine", "R-EXE-8", PenaltyAccount.InternalFine, expected), (fine.RuleCode, fine.RuleId, fine.Account, fine.Amount.AmountText));
    }

    [Fact]
    public async Task A_kind_no_rule_charges_previews_nothing()
    {
        var url = await PreviewUrlAsync(PolicyPresets.B2BPlatform);

        var preview = await (await App.ClientForAsync("platform")).GetAsync<PenaltyPreview>($"{url}?kind=verify&orderAmount=1000&late=P3D");

        Assert.Empty(preview.Items);
        Assert.Equal("0.00", preview.Total.AmountText);
    }

    [Theory]
    [InlineData("orderAmount=1000&late=P7D", "kind")]
    [InlineData("kind=teatime&orderAmount=1000&late=P7D", "kind")]
    [InlineData("kind=receive&late=P7D", "orderAmount")]
    [InlineData("kind=receive&orderAmount=lots&late=P7D", "orderAmount")]
    [InlineData("kind=receive&orderAmount=-1&late=P7D", "orderAmount")]
    [InlineData("kind=receive&orderAmount=1.001&late=P7D", "orderAmount")]
    [InlineData("kind=receive&orderAmount=1000", "late")]
    [InlineData("kind=receive&orderAmount=1000&late=7days", "late")]
    [InlineData("kind=receive&orderAmount=1000&late=-P1D", "late")]
    public async Task A_bad_parameter_is_400_naming_it(string query, string parameter)
    {
        var url = await PreviewUrlAsync(PolicyPresets.B2BPlatform);

        var problem = await (await (await App.ClientForAsync("platform")).GetAsync($"{url}?{query}", Ct)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_policy_is_404()
    {
        var client = await App.ClientForAsync("platform");

        await (await client.GetAsync($"/api/v1/policies/{Guid.CreateVersion7()}/penalty-preview?kind=receive&orderAmount=1000&late=P1D", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>The shipped preset's policy: its key from the presets, its id from the policy list.</summary>
    private async Task<string> PreviewUrlAsync(string presetKey)
    {
        var client = await App.ClientForAsync("platform");
        var preset = Assert.Single(await client.GetAsync<List<PresetView>>("/api/v1/policies/presets"), p => p.Key == presetKey);
        var policy = (await client.GetAsync<List<PolicyView>>("/api/v1/policies")).First(p => p.PresetKey == preset.Key && p.OwnerOrganizationId is null);
        return $"/api/v1/policies/{policy.Id}/penalty-preview";
    }
}
