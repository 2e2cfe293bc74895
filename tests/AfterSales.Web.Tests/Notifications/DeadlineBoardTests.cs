using System.Net;
using System.Net.Http.Json;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Deadlines;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Http;
using AfterSales.Web.Tests.Infrastructure;
using Xunit;

namespace AfterSales.Web.Tests.Notifications;

/// <summary>
/// The deadline board and the deadline list's state filter (R-SLA-3): running, at risk, breached and paused deadlines
/// per supplier, as the platform sees all of them and a supplier its own.
/// </summary>
/// <remarks>
/// The demo supplier is put on the machinery-dealer preset [004] here: its level deadlines stand still while a request
/// waits on the customer, which gives the board paused deadlines; its receipt is due in 30 minutes (warning at 24).
/// </remarks>
public sealed class DeadlineBoardTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Supplier = "华东精密机械有限公司";
    private const string Customer = "苏州恒达制造有限公司";

    private static readonly TimeSpan PastReceiveWarning = TimeSpan.FromMinutes(25);
    private static readonly TimeSpan PastReceiveDue = TimeSpan.FromMinutes(31);

    [Fact]
    public async Task The_board_counts_a_suppliers_deadlines_by_state_and_counts_down_the_next_to_fall_due()
    {
        var supplierId = await UseLevelPolicyAsync();
        await SettleEarlierDeadlinesAsync();
        var platform = await App.ClientForAsync("platform");
        var before = await CardAsync(platform, supplierId);
        Assert.Empty(before.Next);

        var late = await PendingReceiptAsync();
        App.Clock.Advance(PastReceiveDue);
        await App.Monitor.RunOnceAsync(Ct);
        var waiting = await VerifyingAsync();
        var pausedCount = waiting.Deadlines.Count(d => d.State == DeadlineState.Paused);
        Assert.True(pausedCount >= 1, "a major fault's fix deadline stands still while the request is being verified");
        var atRisk = await PendingReceiptAsync();
        App.Clock.Advance(PastReceiveWarning);
        var running = await PendingReceiptAsync();

        platform = await App.ClientForAsync("platform");
        var after = await CardAsync(platform, supplierId);

        Assert.Equal(Supplier, after.SupplierName);
        Assert.Equal(before.Running + 2, after.Running);
        Assert.Equal(before.AtRisk + 1, after.AtRisk);
        Assert.Equal(before.BreachedOpen + 1, after.BreachedOpen);
        Assert.Equal(before.Paused + pausedCount, after.Paused);
        Assert.Equal(before.BreachedLast30Days + 1, after.BreachedLast30Days);
        Assert.Equal([atRisk.Number, running.Number], after.Next.Select(n => n.RequestNumber));
        Assert.All(after.Next, n => Assert.Equal((DeadlineKind.Receive, "受理", DeadlineState.Running), (n.Deadline.Kind, n.Deadline.Label, n.Deadline.State)));
        Assert.Equal([true, false], after.Next.Select(n => n.Deadline.AtRisk));
        Assert.Equal(atRisk.Deadlines.Single(d => d.Kind == DeadlineKind.Receive).DueAt, after.Next[0].Deadline.DueAt);
        Assert.All(after.Next, n => Assert.Equal(Customer, n.Customer.Name));
        Assert.DoesNotContain(after.Next, n => n.RequestId == late.Id || n.RequestId == waiting.Id);

        // The supplier's own board shows the same card.
        var own = Assert.Single((await (await App.ClientForAsync("supplier.manager")).GetAsync<DeadlineBoard>("/api/v1/deadlines/board")).Suppliers);
        Assert.Equal(Counts(after), Counts(own));
        Assert.Equal(after.Next.Select(n => n.Deadline.Id), own.Next.Select(n => n.Deadline.Id));
    }

    [Fact]
    public async Task The_deadline_list_filters_at_risk_and_paused_deadlines_and_names_the_customer_and_who_owes_each()
    {
        var supplierId = await UseLevelPolicyAsync();
        var atRisk = await PendingReceiptAsync();
        var waiting = await VerifyingAsync();
        App.Clock.Advance(PastReceiveWarning);
        var fresh = await PendingReceiptAsync();
        var agent = await App.ClientForAsync("supplier.agent");

        var risky = await DeadlinesAsync(agent, $"state=atRisk&supplierId={supplierId}");
        var row = Assert.Single(risky, d => d.RequestId == atRisk.Id);
        Assert.Equal((DeadlineKind.Receive, DeadlineParty.Supplier, DeadlineParty.Supplier, true), (row.Deadline.Kind, row.OwedBy, row.Deadline.OwedBy, row.Deadline.AtRisk));
        Assert.Equal((atRisk.Customer.Id, Customer), (row.Customer.Id, row.Customer.Name));
        Assert.Equal((supplierId, Supplier), (row.SupplierId, row.SupplierName));
        Assert.DoesNotContain(risky, d => d.RequestId == fresh.Id || d.RequestId == waiting.Id);
        Assert.All(risky, d => Assert.True(d.Deadline.AtRisk));

        var running = await DeadlinesAsync(agent, $"state=running&supplierId={supplierId}");
        Assert.Contains(running, d => d.RequestId == atRisk.Id);
        Assert.Contains(running, d => d.RequestId == fresh.Id);
        Assert.DoesNotContain(running, d => d.RequestId == waiting.Id && d.Deadline.State == DeadlineState.Paused);

        var paused = await DeadlinesAsync(agent, $"state=paused&supplierId={supplierId}");
        var stopped = paused.Where(d => d.RequestId == waiting.Id).ToList();
        Assert.NotEmpty(stopped);
        Assert.All(paused, d => Assert.Equal(DeadlineState.Paused, d.Deadline.State));
        Assert.Contains(stopped, d => d.Deadline.Kind == DeadlineKind.LevelFix);

        // Paused for longer than its whole target, a deadline is still paused, not breached: its clock stands still.
        App.Clock.Advance(TimeSpan.FromHours(6));
        await App.Monitor.RunOnceAsync(Ct);
        agent = await App.ClientForAsync("supplier.agent");
        Assert.Equal(stopped.Select(d => d.Deadline.Id).Order(), (await DeadlinesAsync(agent, $"state=paused&supplierId={supplierId}")).Where(d => d.RequestId == waiting.Id).Select(d => d.Deadline.Id).Order());
        Assert.DoesNotContain(await DeadlinesAsync(agent, $"state=breached&supplierId={supplierId}"), d => d.RequestId == waiting.Id && d.Deadline.Kind == DeadlineKind.LevelFix);
        Assert.DoesNotContain(await DeadlinesAsync(agent, $"state=atRisk&supplierId={supplierId}"), d => d.RequestId == waiting.Id);

        var problem = await (await agent.GetAsync("/api/v1/deadlines?state=late", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("atRisk", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_sees_only_its_own_card_the_platform_every_suppliers_and_a_customer_none()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var own = Assert.Single((await agent.GetAsync<DeadlineBoard>("/api/v1/deadlines/board")).Suppliers);
        Assert.Equal(Supplier, own.SupplierName);
        var other = Assert.Single((await (await App.ClientForAsync("supplier2.agent")).GetAsync<DeadlineBoard>("/api/v1/deadlines/board")).Suppliers);
        Assert.Equal("中山天伟电机电器有限公司", other.SupplierName);

        await (await agent.GetAsync($"/api/v1/deadlines/board?supplierId={other.SupplierId}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(own.SupplierId, Assert.Single((await agent.GetAsync<DeadlineBoard>($"/api/v1/deadlines/board?supplierId={own.SupplierId}")).Suppliers).SupplierId);

        var platform = await App.ClientForAsync("platform");
        var all = (await platform.GetAsync<DeadlineBoard>("/api/v1/deadlines/board")).Suppliers.Select(s => s.SupplierName).ToList();
        Assert.Contains(Supplier, all);
        Assert.Contains("中山天伟电机电器有限公司", all);
        Assert.Equal(other.SupplierName, Assert.Single((await platform.GetAsync<DeadlineBoard>($"/api/v1/deadlines/board?supplierId={other.SupplierId}")).Suppliers).SupplierName);
        await (await platform.GetAsync($"/api/v1/deadlines/board?supplierId={Guid.NewGuid()}", Ct)).ProblemAsync(HttpStatusCode.NotFound);

        await (await (await App.ClientForAsync("customer")).GetAsync("/api/v1/deadlines/board", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.ClientForAsync("dealer")).GetAsync("/api/v1/deadlines/board", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Puts the demo supplier on preset [004] (once is enough; choosing it again changes nothing) and returns its id.</summary>
    private async Task<Guid> UseLevelPolicyAsync()
    {
        var agent = await App.ClientForAsync("supplier.agent");
        var supplierId = Assert.Single((await agent.GetAsync<DeadlineBoard>("/api/v1/deadlines/board")).Suppliers).SupplierId;
        var admin = await App.ClientForAsync("admin");
        (await admin.PutAsJsonAsync($"/api/v1/organizations/{supplierId}/policy", new { policyPreset = PolicyPresets.MachineryDealer }, AfterSalesApp.Json, Ct)).EnsureSuccessStatusCode();
        return supplierId;
    }

    /// <summary>
    /// The tests of this class share a database and a clock: moving past every target and recording what earlier tests
    /// left running leaves only breached or paused deadlines behind, so a test counts its own.
    /// </summary>
    private async Task SettleEarlierDeadlinesAsync()
    {
        App.Clock.Advance(TimeSpan.FromDays(8));
        while ((await App.Monitor.RunOnceAsync(Ct)).Total > 0)
        {
        }
    }

    private async Task<ServiceRequestView> PendingReceiptAsync()
    {
        var customer = await App.ClientForAsync("customer");
        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, created.Status);
        return created;
    }

    /// <summary>A major fault being verified: the request waits on the customer, so its level deadlines stand still (R-IN-8, R-SLA-1).</summary>
    private async Task<ServiceRequestView> VerifyingAsync()
    {
        var request = await PendingReceiptAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        await agent.ActAsync(request.Id, "classifyLevel", new { faultLevel = "major", serviceLevel = "A" });
        await agent.ActAsync(request.Id, "receive", new { note = "已受理" });
        var verifying = await agent.ActAsync(request.Id, "judge", new { responsibility = "undetermined", outcome = "needsVerification", analysis = "请提供报警时的操作日志" });
        Assert.Equal(ServiceRequestStatus.Verifying, verifying.Status);
        return verifying;
    }

    private static (Guid, string, int, int, int, int, int) Counts(SupplierDeadlineCard card) =>
        (card.SupplierId, card.SupplierName, card.Running, card.AtRisk, card.BreachedOpen, card.Paused, card.BreachedLast30Days);

    private static async Task<SupplierDeadlineCard> CardAsync(HttpClient client, Guid supplierId) =>
        Assert.Single((await client.GetAsync<DeadlineBoard>($"/api/v1/deadlines/board?supplierId={supplierId}")).Suppliers);

    private static async Task<List<DeadlineRow>> DeadlinesAsync(HttpClient client, string query)
    {
        var rows = new List<DeadlineRow>();
        string? next = null;
        do
        {
            var page = await client.GetAsync<Page<DeadlineRow>>($"/api/v1/deadlines?{query}&page[size]=200" + (next is null ? string.Empty : $"&page[after]={next}"));
            rows.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return rows;
    }
}
