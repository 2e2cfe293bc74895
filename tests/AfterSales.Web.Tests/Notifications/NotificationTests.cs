using System.Net;
using AfterSales.Domain.Notifications;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Tests.Infrastructure;
using AfterSales.Web.Tests.ServiceRequests;
using Xunit;

namespace AfterSales.Web.Tests.Notifications;

/// <summary>
/// R-SLA-3 and R-X-1 over the real app: a deadline's warning, breach and each escalation step reach the right inbox once,
/// with a timeline entry; each user reads and marks only their own notifications.
/// </summary>
public sealed class NotificationTests(AfterSalesApp app) : ApiTest(app)
{
    private const string Notifications = "/api/v1/notifications";

    /// <summary>Preset 000 (the demo supplier's policy): receive within 2 h, so the 80 % warning falls at 96 min (R-SLA-3).</summary>
    private static readonly TimeSpan PastWarning = TimeSpan.FromMinutes(96) + TimeSpan.FromSeconds(1);

    private static readonly TimeSpan PastDue = TimeSpan.FromMinutes(24);

    [Fact]
    public async Task A_late_receipt_warns_the_agent_then_escalates_to_the_manager_and_then_the_platform_once_each()
    {
        var request = await PendingReceiptAsync();

        App.Clock.Advance(PastWarning);
        await App.Monitor.RunOnceAsync(Ct);

        var warning = Assert.Single(await UnreadAsync("supplier.agent", request.Id));
        Assert.Equal(NotificationKind.DeadlineAtRisk, warning.Kind);
        Assert.Contains("即将超时", warning.Title, StringComparison.Ordinal);
        Assert.Contains(request.Number, warning.Title, StringComparison.Ordinal);
        Assert.Contains("受理", warning.Title, StringComparison.Ordinal);
        Assert.Equal($"/requests/{request.Id}", warning.Link);
        Assert.Null(warning.ReadAt);
        Assert.Empty(await AllAsync("supplier.manager", request.Id));
        Assert.Empty(await AllAsync("platform", request.Id));

        App.Clock.Advance(PastDue);
        await App.Monitor.RunOnceAsync(Ct);

        var agent = await AllAsync("supplier.agent", request.Id);
        Assert.Equal(3, agent.Count);
        Assert.Contains(agent, n => n.Kind == NotificationKind.DeadlineBreached && n.Title.Contains("已超时", StringComparison.Ordinal));
        var handler = Assert.Single(agent, n => n.Kind == NotificationKind.DeadlineEscalated);
        Assert.Contains("第 1 级", handler.Title, StringComparison.Ordinal);
        Assert.Contains("经办人", handler.Body, StringComparison.Ordinal);
        Assert.Empty(await AllAsync("supplier.manager", request.Id));
        Assert.Empty(await AllAsync("platform", request.Id));

        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.Monitor.RunOnceAsync(Ct);

        var manager = Assert.Single(await UnreadAsync("supplier.manager", request.Id));
        Assert.Equal(NotificationKind.DeadlineEscalated, manager.Kind);
        Assert.Contains("第 2 级", manager.Title, StringComparison.Ordinal);
        Assert.Empty(await AllAsync("platform", request.Id));
        Assert.Equal(3, (await AllAsync("supplier.agent", request.Id)).Count);

        App.Clock.Advance(TimeSpan.FromHours(4));
        await App.Monitor.RunOnceAsync(Ct);

        var platform = Assert.Single(await UnreadAsync("platform", request.Id));
        Assert.Equal(NotificationKind.DeadlineEscalated, platform.Kind);
        Assert.Contains("第 3 级", platform.Title, StringComparison.Ordinal);
        Assert.Contains("平台", platform.Body, StringComparison.Ordinal);

        // The chain is finished: another pass finds nothing new for anyone.
        await App.Monitor.RunOnceAsync(Ct);
        Assert.Equal(3, (await AllAsync("supplier.agent", request.Id)).Count);
        Assert.Single(await AllAsync("supplier.manager", request.Id));
        Assert.Single(await AllAsync("platform", request.Id));

        // The customer is owed the deadline; the supplier's warnings and escalations are not the customer's mail.
        Assert.Empty(await AllAsync("customer", request.Id));
        Assert.Empty(await AllAsync("supplier2.agent", request.Id));

        var timeline = (await (await App.ClientForAsync("supplier.agent")).ViewAsync(request.Id)).Timeline;
        Assert.Single(timeline, t => t.Action == "deadlineAtRisk");
        Assert.Single(timeline, t => t.Action == "deadlineBreached");
        Assert.Equal(
            ["超时升级（第 1 级，通知经办人）：受理", "超时升级（第 2 级，通知供应商售后经理）：受理", "超时升级（第 3 级，通知平台运营）：受理"],
            timeline.Where(t => t.Action == "deadlineEscalated").Select(t => t.Note));
    }

    [Fact]
    public async Task Marking_a_notification_read_takes_it_out_of_the_unread_list_and_count_once()
    {
        var request = await BreachedAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        var before = await agent.GetAsync<NotificationList>($"{Notifications}?unread=true&page[size]=200");
        var target = Assert.Single(before.Items, n => n.ServiceRequestId == request.Id && n.Kind == NotificationKind.DeadlineBreached);

        var read = await (await agent.PostJsonAsync($"{Notifications}/{target.Id}/read", null)).ReadAsync<NotificationView>();

        Assert.Equal(App.Clock.GetUtcNow(), read.ReadAt);
        var after = await agent.GetAsync<NotificationList>($"{Notifications}?unread=true&page[size]=200");
        Assert.Equal(before.UnreadCount - 1, after.UnreadCount);
        Assert.DoesNotContain(after.Items, n => n.Id == target.Id);
        Assert.Contains(after.Items, n => n.ServiceRequestId == request.Id && n.Kind == NotificationKind.DeadlineEscalated);
        var listed = Assert.Single((await agent.GetAsync<NotificationList>($"{Notifications}?page[size]=200")).Items, n => n.Id == target.Id);
        Assert.Equal(read.ReadAt, listed.ReadAt);

        // Reading it again later keeps the first instant and changes no count.
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await (await agent.PostJsonAsync($"{Notifications}/{target.Id}/read", null)).ReadAsync<NotificationView>();
        Assert.Equal(read.ReadAt, again.ReadAt);
        Assert.Equal(after.UnreadCount, (await agent.GetAsync<NotificationList>(Notifications)).UnreadCount);
    }

    [Fact]
    public async Task Read_all_clears_the_callers_unread_notifications_and_nobody_elses()
    {
        var request = await EscalatedToManagerAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        var manager = await App.ClientForAsync("supplier.manager");
        Assert.True((await agent.GetAsync<NotificationList>(Notifications)).UnreadCount >= 3);
        var managerUnread = (await manager.GetAsync<NotificationList>(Notifications)).UnreadCount;
        Assert.True(managerUnread >= 1);

        var result = await (await agent.PostJsonAsync($"{Notifications}/read-all", null)).ReadAsync<MarkAllNotificationsRead.Result>();

        Assert.True(result.Marked >= 3, $"marked {result.Marked}");
        var after = await agent.GetAsync<NotificationList>($"{Notifications}?unread=true");
        Assert.Equal(0, after.UnreadCount);
        Assert.Empty(after.Items);
        Assert.All(await AllAsync("supplier.agent", request.Id), n => Assert.Equal(App.Clock.GetUtcNow(), n.ReadAt));
        Assert.Equal(managerUnread, (await manager.GetAsync<NotificationList>(Notifications)).UnreadCount);
        Assert.Equal(0, (await (await agent.PostJsonAsync($"{Notifications}/read-all", null)).ReadAsync<MarkAllNotificationsRead.Result>()).Marked);
    }

    [Fact]
    public async Task Another_users_notification_is_not_found_for_the_caller_even_for_the_platform()
    {
        var request = await EscalatedToManagerAsync();
        var managerNotification = Assert.Single(await AllAsync("supplier.manager", request.Id));
        var agentNotification = (await AllAsync("supplier.agent", request.Id))[0];

        var agent = await App.ClientForAsync("supplier.agent");
        await (await agent.PostJsonAsync($"{Notifications}/{managerNotification.Id}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        var platform = await App.ClientForAsync("platform");
        await (await platform.PostJsonAsync($"{Notifications}/{agentNotification.Id}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await platform.PostJsonAsync($"{Notifications}/{Guid.NewGuid()}/read", null)).ProblemAsync(HttpStatusCode.NotFound);

        // Nothing changed for the owners, and the platform's inbox holds only its own (it may audit every row, not read them as its mail).
        Assert.Null(Assert.Single(await AllAsync("supplier.manager", request.Id)).ReadAt);
        Assert.DoesNotContain((await platform.GetAsync<NotificationList>($"{Notifications}?page[size]=200")).Items, n => n.Id == agentNotification.Id || n.Id == managerNotification.Id);
    }

    [Fact]
    public async Task The_inbox_pages_newest_first_without_gaps_or_repeats()
    {
        await BreachedAsync();
        var agent = await App.ClientForAsync("supplier.agent");
        var all = (await agent.GetAsync<NotificationList>($"{Notifications}?page[size]=200")).Items;
        Assert.True(all.Count >= 3);

        var paged = new List<NotificationView>();
        string? next = null;
        do
        {
            var page = await agent.GetAsync<NotificationList>($"{Notifications}?page[size]=2" + (next is null ? string.Empty : $"&page[after]={next}"));
            Assert.True(page.Items.Count <= 2);
            paged.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);

        Assert.Equal(all.Select(n => n.Id), paged.Select(n => n.Id));
        Assert.Equal(all.OrderByDescending(n => n.CreatedAt).Select(n => n.CreatedAt), paged.Select(n => n.CreatedAt));
        await (await agent.GetAsync($"{Notifications}?page[size]=0", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await agent.GetAsync($"{Notifications}?page[after]=not-a-cursor", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>A technical-support request (no certificate, no warranty check) of the demo customer, pending receipt.</summary>
    private async Task<ServiceRequestView> PendingReceiptAsync()
    {
        var customer = await App.ClientForAsync("customer");
        var created = await (await customer.PostJsonAsync("/api/v1/service-requests", RequestFlow.NewRequestBody(type: "technicalSupport", mode: "remote")))
            .ReadAsync<ServiceRequestView>(HttpStatusCode.Created);
        Assert.Equal(ServiceRequestStatus.PendingReceipt, created.Status);
        return created;
    }

    /// <summary>A request whose receipt is late: the agent holds its warning, its breach and the first escalation step.</summary>
    private async Task<ServiceRequestView> BreachedAsync()
    {
        var request = await PendingReceiptAsync();
        App.Clock.Advance(PastWarning);
        await App.Monitor.RunOnceAsync(Ct);
        App.Clock.Advance(PastDue);
        await App.Monitor.RunOnceAsync(Ct);
        Assert.Equal(3, (await AllAsync("supplier.agent", request.Id)).Count);
        return request;
    }

    /// <summary>A late receipt one hour after its breach: the manager holds the second escalation step.</summary>
    private async Task<ServiceRequestView> EscalatedToManagerAsync()
    {
        var request = await BreachedAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.Monitor.RunOnceAsync(Ct);
        Assert.Single(await AllAsync("supplier.manager", request.Id));
        return request;
    }

    private Task<List<NotificationView>> UnreadAsync(string userName, Guid requestId) => ReadInboxAsync(userName, requestId, unreadOnly: true);

    private Task<List<NotificationView>> AllAsync(string userName, Guid requestId) => ReadInboxAsync(userName, requestId, unreadOnly: false);

    /// <summary>Every page of the user's inbox, keeping the notifications about one request (the class's tests share a database).</summary>
    private async Task<List<NotificationView>> ReadInboxAsync(string userName, Guid requestId, bool unreadOnly)
    {
        var client = await App.ClientForAsync(userName);
        var rows = new List<NotificationView>();
        string? next = null;
        do
        {
            var page = await client.GetAsync<NotificationList>($"{Notifications}?unread={(unreadOnly ? "true" : "false")}&page[size]=200" + (next is null ? string.Empty : $"&page[after]={next}"));
            rows.AddRange(page.Items.Where(n => n.ServiceRequestId == requestId));
            next = page.Next;
        }
        while (next is not null);
        return rows;
    }
}
