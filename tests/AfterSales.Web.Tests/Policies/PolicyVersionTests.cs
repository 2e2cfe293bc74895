using System.Globalization;
using System.Net;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.Platform;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Policies;

/// <summary>
/// 政策版本 (R-SLA-1): a new version is announced at least 7 working days ahead, listed as upcoming until its date, and
/// governs only requests filed from then on; requests filed before keep the version they were created under.
/// </summary>
public sealed class PolicyVersionTests(AfterSalesApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_supplier_manager_announces_a_version_and_a_supplier_on_a_preset_first_gets_its_own_copy_of_it()
    {
        var (supplierId, code, manager) = await NewSupplierAsync();
        var before = await manager.CurrentAsync(supplierId);
        Assert.Null(before.OwnerOrganizationId);
        var effectiveFrom = App.EarliestEffectiveFrom();

        var announced = await (await manager.AnnounceAsync(WithReceive(before.Figures, DeadlineTarget.Hours(1)), effectiveFrom, name: "测试供应商售后政策（新版）"))
            .ReadAsync<PolicyVersionView>(HttpStatusCode.Created);

        Assert.Equal(PolicyVersionStatus.Upcoming, announced.Status);
        Assert.Equal((PolicyVersioning.SupplierKey(code), 2, effectiveFrom, (Guid?)supplierId), (announced.Key, announced.Version, announced.EffectiveFrom, announced.OwnerOrganizationId));
        Assert.Equal("测试供应商售后政策（新版）", announced.Name);
        Assert.Equal(DeadlineTarget.Hours(1), announced.Figures.Deadlines[DeadlineKind.Receive]);

        var versions = await manager.VersionsAsync(supplierId);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        var copy = versions[1];
        Assert.Equal((PolicyVersionStatus.Current, announced.Key, (Guid?)supplierId, before.Name, before.PresetKey),
            (copy.Status, copy.Key, copy.OwnerOrganizationId, copy.Name, copy.PresetKey));
        Assert.Equal(DeadlineTarget.Hours(2), copy.Figures.Deadlines[DeadlineKind.Receive]);

        // The shipped preset itself is untouched.
        var preset = await manager.GetAsync<PolicyView>($"/api/v1/policies/{before.Id}");
        Assert.Equal((1, DeadlineTarget.Hours(2)), (preset.Version, preset.Figures.Deadlines[DeadlineKind.Receive]));
    }

    [Fact]
    public async Task An_effective_date_inside_the_seven_working_day_notice_is_refused_naming_the_earliest_instant()
    {
        var (supplierId, _, manager) = await NewSupplierAsync();
        var figures = (await manager.CurrentAsync(supplierId)).Figures;
        var earliest = App.EarliestEffectiveFrom();

        var problem = await (await manager.AnnounceAsync(figures, earliest - TimeSpan.FromMinutes(1))).NamesRuleAsync("R-SLA-1");

        Assert.Contains(ServiceZone.ToLocal(earliest).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString());
        Assert.Equal([1], (await manager.VersionsAsync(supplierId)).Select(v => v.Version));
    }

    [Fact]
    public async Task A_version_cannot_take_effect_before_one_already_announced()
    {
        var (supplierId, _, manager) = await NewSupplierAsync();
        var figures = (await manager.CurrentAsync(supplierId)).Figures;
        var later = App.EarliestEffectiveFrom() + TimeSpan.FromDays(14);
        (await manager.AnnounceAsync(figures, later)).EnsureSuccessStatusCode();

        await (await manager.AnnounceAsync(figures, later - TimeSpan.FromDays(1))).NamesRuleAsync("R-SLA-1");

        var third = await (await manager.AnnounceAsync(figures, later + TimeSpan.FromDays(1))).ReadAsync<PolicyVersionView>(HttpStatusCode.Created);
        Assert.Equal(3, third.Version);
    }

    [Fact]
    public async Task Requests_filed_before_a_version_takes_effect_keep_theirs_and_later_ones_are_filed_under_it()
    {
        var flow = new RequestFlow(App);
        var manager = await App.ClientForAsync("supplier.manager");
        var supplierId = await App.OrganizationOfAsync("supplier.manager");
        var before = await manager.CurrentAsync(supplierId);
        var effectiveFrom = App.EarliestEffectiveFrom();
        var announced = await (await manager.AnnounceAsync(WithReceive(before.Figures, DeadlineTarget.Hours(1)), effectiveFrom)).ReadAsync<PolicyVersionView>(HttpStatusCode.Created);

        var early = await flow.CreateAsync();
        App.Clock.Advance(effectiveFrom - App.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        var lastBefore = await flow.CreateAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await flow.CreateAsync();

        Assert.NotEqual(announced.Id, early.Policy.Id);
        Assert.NotEqual(announced.Id, lastBefore.Policy.Id);
        Assert.Equal((announced.Id, announced.Version), (after.Policy.Id, after.Policy.Version));
        Assert.Equal("2 小时", early.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).Target);
        Assert.Equal("1 小时", after.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).Target);

        // The earlier request still answers to its own version, whatever is in force now (the clock moved: fresh tokens).
        var agent = await App.ClientForAsync("supplier.agent");
        var reread = await agent.ViewAsync(early.Id);
        Assert.Equal(early.Policy, reread.Policy);
        var statuses = (await (await App.ClientForAsync("supplier.manager")).VersionsAsync(supplierId)).ToDictionary(v => v.Id, v => v.Status);
        Assert.Equal(PolicyVersionStatus.Current, statuses[announced.Id]);
        Assert.Equal(PolicyVersionStatus.Superseded, statuses[early.Policy.Id]);
    }

    [Fact]
    public async Task A_platform_admin_announces_a_version_for_a_supplier_it_names()
    {
        var (supplierId, _, manager) = await NewSupplierAsync();
        var admin = await App.ClientForAsync("admin");
        var figures = (await admin.CurrentAsync(supplierId)).Figures;

        var announced = await (await admin.AnnounceAsync(figures, App.EarliestEffectiveFrom(), supplierId)).ReadAsync<PolicyVersionView>(HttpStatusCode.Created);

        Assert.Equal(supplierId, announced.OwnerOrganizationId);
        Assert.Contains(await manager.VersionsAsync(supplierId), v => v.Id == announced.Id && v.Status == PolicyVersionStatus.Upcoming);
        await (await admin.AnnounceAsync(figures, App.EarliestEffectiveFrom())).NamesFieldAsync("supplierId");
    }

    [Theory]
    [InlineData("supplier.agent")]
    [InlineData("supplier.engineer")]
    [InlineData("platform")]
    [InlineData("customer")]
    [InlineData("dealer")]
    public async Task Only_a_supplier_manager_or_a_platform_admin_may_announce_a_version(string userName)
    {
        var client = await App.ClientForAsync(userName);
        var figures = PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures;

        await (await client.AnnounceAsync(figures, App.EarliestEffectiveFrom())).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_supplier_manager_cannot_announce_a_version_for_another_supplier()
    {
        var (otherSupplier, _, _) = await NewSupplierAsync();
        var manager = await App.ClientForAsync("supplier.manager");

        await (await manager.AnnounceAsync(PolicyPresets.Get(PolicyPresets.B2BPlatform).Figures, App.EarliestEffectiveFrom(), otherSupplier))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([1], (await (await App.ClientForAsync("admin")).VersionsAsync(otherSupplier)).Select(v => v.Version));
    }

    [Fact]
    public async Task Figures_the_deadline_engine_cannot_use_are_refused_naming_the_field()
    {
        var (supplierId, _, manager) = await NewSupplierAsync();
        var figures = (await manager.CurrentAsync(supplierId)).Figures;
        var at = App.EarliestEffectiveFrom();

        await (await manager.AnnounceAsync(WithReceive(figures, new DeadlineTarget(0, DeadlineUnit.Hours)), at)).NamesFieldAsync("figures.deadlines.receive.amount");
        await (await manager.AnnounceAsync(figures with
        {
            Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>(figures.Deadlines) { [DeadlineKind.LevelFix] = DeadlineTarget.Hours(4) },
        }, at)).NamesFieldAsync("figures.deadlines.levelFix");
        await (await manager.AnnounceAsync(figures with { LevelTargets = [new LevelTarget(DeadlineKind.Receive, null, null, DeadlineTarget.Hours(1))] }, at))
            .NamesFieldAsync("figures.levelTargets[0]");
        await (await manager.AnnounceAsync(figures with { CalendarId = "no-such-calendar" }, at)).NamesFieldAsync("figures.calendarId");
        await (await manager.AnnounceAsync(figures with { WarningPercent = 0 }, at)).NamesFieldAsync("figures.warningPercent");
        await (await manager.PostJsonAsync("/api/v1/policies", new { figures })).NamesFieldAsync("effectiveFrom");
        await (await manager.PostJsonAsync("/api/v1/policies", new { effectiveFrom = at })).NamesFieldAsync("figures");

        Assert.Equal([1], (await manager.VersionsAsync(supplierId)).Select(v => v.Version));
    }

    [Fact]
    public async Task A_customer_reads_the_versions_of_its_supplier_but_not_of_another_supplier()
    {
        var customer = await App.ClientForAsync("customer");
        var supplierId = await App.OrganizationOfAsync("supplier.agent");
        var (otherSupplier, _, _) = await NewSupplierAsync();

        Assert.Single(await customer.VersionsAsync(supplierId), v => v.Status == PolicyVersionStatus.Current);
        using var hidden = await customer.GetAsync($"/api/v1/policies?supplierId={otherSupplier}", Ct);
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static PolicyFigures WithReceive(PolicyFigures figures, DeadlineTarget receive) =>
        figures with { Deadlines = new Dictionary<DeadlineKind, DeadlineTarget>(figures.Deadlines) { [DeadlineKind.Receive] = receive } };

    /// <summary>A supplier of its own on the [000] preset, with a service manager: each test announces on a clean slate.</summary>
    private async Task<(Guid Id, string Code, HttpClient Manager)> NewSupplierAsync()
    {
        var admin = await App.ClientForAsync("admin");
        var code = $"SUP-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var organization = await admin.CreateOrganizationAsync(new { code, name = $"测试供应商 {code}", kind = "supplier", policyPreset = PolicyPresets.B2BPlatform });
        var userName = $"mgr.{code.ToLowerInvariant()}";
        await admin.CreateUserAsync(organization.Id, userName, Roles.SupplierManager);
        return (organization.Id, code, await App.SignInAsync(userName, PlatformCalls.NewPassword));
    }
}
