using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Domain.WorkOrders;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Features.ServiceRequests.Attachments;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.WorkOrders;

/// <summary>
/// The verbs of a work order after creation (issue 6; R-EXE-1, R-EXE-2): load the work order the caller may see (else
/// 404), run one domain verb, save once with the timeline entry it wrote. The same Idempotency-Key gets the first
/// result; a stale write is 409.
/// </summary>
public sealed class WorkOrderActions(AppDbContext db, CallerContext callers, TimeProvider clock, AttachFile attachFile, Complaints.SuspensionGate suspensions,
    ServiceRulesCatalog rulesCatalog, DeadlineNotifier notifier, ReturnToFactory.ReturnRecords returns)
{
    /// <param name="ScheduledStart">Start of the agreed window (remote) or planned visit.</param>
    /// <param name="ScheduledEnd">End of the window (optional).</param>
    /// <param name="RemoteToolLink">Remote tool session link, http(s) (remote).</param>
    /// <param name="SiteAccess">现场准入要求 (optional; replaces the recorded text).</param>
    /// <param name="PeakAgreed">The customer agreed to a remote window inside its production peak (R-EXE-1).</param>
    public sealed record ScheduleCommand(DateTimeOffset? ScheduledStart, DateTimeOffset? ScheduledEnd, string? RemoteToolLink, string? SiteAccess, bool? PeakAgreed = null);

    /// <param name="EngineerUserId">The engineer (a user of the supplier with an engineer profile).</param>
    public sealed record DispatchCommand(Guid? EngineerUserId);

    public sealed record NoteCommand(string? Note);

    /// <param name="Note">A note.</param>
    /// <param name="Step">A remote or repair step (R-EXE-1 step log).</param>
    /// <param name="Parameter">A parameter changed in this step.</param>
    /// <param name="OldValue">The parameter's value before.</param>
    /// <param name="NewValue">The parameter's value after.</param>
    /// <param name="TestRunHours">试机时长, e.g. 2 (R-EXE-2).</param>
    /// <param name="TestRunResult">试机结果 (with the hours).</param>
    /// <param name="Cause">原因说明.</param>
    /// <param name="Prevention">预防措施.</param>
    public sealed record RecordCommand(string? Note, string? Step, string? Parameter, string? OldValue, string? NewValue, decimal? TestRunHours, string? TestRunResult, string? Cause, string? Prevention);

    /// <param name="SignerName">The customer's representative who signs.</param>
    /// <param name="SignaturePng">The drawn signature: a PNG as base64, or a data URL <c>data:image/png;base64,…</c>.</param>
    public sealed record SignCommand(string? SignerName, string? SignaturePng);

    /// <param name="Outcome">completed or needsFollowUp (R-EXE-1).</param>
    /// <param name="Note">What is still open (required for needsFollowUp).</param>
    public sealed record ConfirmCommand(RemoteOutcome? Outcome, string? Note);

    public sealed record ReasonCommand(string? Reason);

    /// <summary>The largest signature image accepted (a 600×200 canvas PNG is far smaller).</summary>
    public const int MaxSignatureBytes = 512 * 1024;

    public Task<Guid> ScheduleAsync(Guid id, ScheduleCommand c, string? key, CancellationToken ct) =>
        RunAsync(id, "schedule", c, key, async (o, by, now) =>
        {
            // R-EXE-1: the site's production peaks as the customer last recorded them on the asset.
            var peaks = (await CreateWorkOrder.LoadRequestAsync(db, o.ServiceRequestId.ToString(), ct)).ProductionPeaks;
            o.Schedule(by, c.ScheduledStart, c.ScheduledEnd, c.RemoteToolLink, c.SiteAccess, now, peaks, c.PeakAgreed ?? false);
        }, ct);

    public Task<Guid> DispatchAsync(Guid id, DispatchCommand c, string? key, CancellationToken ct) =>
        RunAsync(id, "dispatch", c, key, async (o, by, now) =>
        {
            o.EnsureMay(WorkOrderAction.Dispatch, by);
            UnitReplacement.EnsureMayDispatch(o, await db.UnitReplacements.AsNoTracking().SingleOrDefaultAsync(r => r.WorkOrderId == o.Id, ct)); // R-EXE-6
            InvalidInput.Require(c.EngineerUserId is not null, "engineerUserId", "请选择工程师。");
            var engineer = await db.EngineerProfiles.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == c.EngineerUserId, ct)
                ?? throw new InvalidInput("engineerUserId", "工程师不存在或没有工程师档案。");
            if (o.Kind != WorkOrderKind.OnSite)
            {
                o.Dispatch(by, engineer, now);
                return;
            }

            // R-EXE-2: the engineer is due on site when the request's policy says — same city or other city — and the
            // request's arrival deadline follows the engineer chosen, in the same save.
            var (request, rules) = await LoadRequestAsync(o.ServiceRequestId, ct);
            var (sameCityDue, otherCityDue) = request.ArrivalDueByCity(rules);
            o.Dispatch(by, engineer, now, new ArrivalPromise(sameCityDue, otherCityDue));
            request.EngineerDispatched(by, o.Number, engineer.Name, ArrivalDeadline.IsSameCity(engineer.BaseCity, o.SiteCity), now, rules);
        }, ct);

    public Task<Guid> AuthorizeAsync(Guid id, string? key, CancellationToken ct) =>
        RunAsync(id, "authorize", new { }, key, async (o, by, now) =>
        {
            // R-SEC-1: the pair's confidentiality agreement, where one is kept, must be in force.
            var confidentiality = await db.ConfidentialityAgreements.AsNoTracking()
                .SingleOrDefaultAsync(a => a.CustomerId == o.CustomerId && a.SupplierId == o.SupplierId, ct);
            o.Authorize(by, confidentiality, now);
        }, ct);

    public async Task<Guid> CheckInAsync(Guid id, NoteCommand c, string? key, CancellationToken ct)
    {
        await suspensions.EnsureMayServeAsync("签到", ct);
        return await RunAsync(id, "checkIn", c, key, async (o, by, now) =>
        {
            o.CheckIn(by, c.Note, now);
            if (o.Kind == WorkOrderKind.OnSite)
            {
                // R-EXE-2, R-EXE-8: the check-in is the stop event of the request's arrival deadlines; a late arrival's
                // breach and lateness fine are recorded now, and whoever they concern hears of it in the same save.
                var (request, rules) = await LoadRequestAsync(o.ServiceRequestId, ct);
                request.EngineerArrived(by, o.Number, o.AssigneeName ?? by.Name, now, rules);
                await notifier.NotifyAsync(db, request, request.DequeueAlerts(), now, ct);
            }
        }, ct);
    }

    private async Task<(ServiceRequest Request, ServiceRules Rules)> LoadRequestAsync(Guid requestId, CancellationToken ct)
    {
        var request = await db.ServiceRequests.Include(r => r.Deadlines).SingleAsync(r => r.Id == requestId, ct);
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, ct);
        return (request, rules);
    }

    public Task<Guid> RecordAsync(Guid id, RecordCommand c, string? key, CancellationToken ct) =>
        RunAsync(id, "record", c, key, (o, by, now) => Sync(() => o.RecordProgress(by,
            new WorkOrderProgress(c.Note, c.Step, c.Parameter, c.OldValue, c.NewValue, c.TestRunHours, c.TestRunResult, c.Cause, c.Prevention), now)), ct);

    public Task<Guid> CheckOutAsync(Guid id, NoteCommand c, string? key, CancellationToken ct) =>
        RunAsync(id, "checkOut", c, key, (o, by, now) => Sync(() => o.CheckOut(by, c.Note, now)), ct);

    public Task<Guid> CancelAsync(Guid id, ReasonCommand c, string? key, CancellationToken ct) =>
        RunAsync(id, "cancel", c, key, async (o, by, now) =>
        {
            o.Cancel(by, c.Reason, now);
            await returns.OnCancelledAsync(o, now, ct); // R-EXE-5: a cancelled return to factory closes its timers
        }, ct, transactional: true);

    /// <summary>
    /// 远程服务确认 (R-EXE-1): "needs follow-up" opens a follow-up remote work order under the same request, in the
    /// same transaction.
    /// </summary>
    public Task<Guid> ConfirmAsync(Guid id, ConfirmCommand c, string? key, CancellationToken ct) =>
        RunAsync(id, "confirm", c, key, async (o, by, now) =>
        {
            o.Confirm(by, c.Outcome, c.Note, now);
            if (o.Outcome == RemoteOutcome.NeedsFollowUp)
            {
                var request = await CreateWorkOrder.LoadRequestAsync(db, o.ServiceRequestId.ToString(), ct);
                var number = await CreateWorkOrder.NextNumberAsync(db, now, ct);

                // The customer asks for it; the supplier's work order is opened on the supplier's behalf by the system.
                var system = new Actor(null, "系统", "system", o.SupplierId, Domain.Organizations.PartyKind.Supplier,
                    new HashSet<string> { Domain.Organizations.Permissions.WorkOrdersDispatch });
                var followUp = WorkOrder.Create(Guid.CreateVersion7(now), number, request, o.FollowUpPlan(), system, now, o.Id);
                db.WorkOrders.Add(followUp);
                o.NoteFollowUp(followUp, now);
            }
        }, ct, transactional: true);

    /// <summary>维修单签字 (R-EXE-2): the drawn signature is stored as an image/png attachment of the request, then the work order names it.</summary>
    public async Task<Guid> SignRepairSheetAsync(Guid id, SignCommand c, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        var by = callers.Required.ToActor();
        order.EnsureMay(WorkOrderAction.SignRepairSheet, by);
        var png = DecodePng(c.SignaturePng);
        InvalidInput.Text(c.SignerName, "signerName", "签字人", 50);
        var attachment = await attachFile.HandleAsync(order.ServiceRequestId.ToString(),
            new IncomingFile(AttachmentKind.ServiceReport, $"维修单签字-{order.Number}.png", () => new MemoryStream(png)), ct);
        return await RunAsync(id, "signRepairSheet", new { c.SignerName, attachment.Id }, null,
            (o, actor, now) => Sync(() => o.SignRepairSheet(actor, c.SignerName, attachment.Id, now)), ct);
    }

    /// <summary>现场照片: a photo from the phone's camera, stored as a site photo of the request and noted on the work order.</summary>
    public async Task<Guid> AddPhotoAsync(Guid id, string fileName, Func<Stream> open, CancellationToken ct)
    {
        var order = await LoadAsync(id, ct);
        var by = callers.Required.ToActor();
        order.EnsureMay(WorkOrderAction.Record, by);
        var attachment = await attachFile.HandleAsync(order.ServiceRequestId.ToString(), new IncomingFile(AttachmentKind.SitePhoto, fileName, open), ct);
        return await RunAsync(id, "photo", new { attachment.Id }, null,
            (o, actor, now) => Sync(() => o.RecordProgress(actor, new WorkOrderProgress(Note: $"现场照片：{attachment.FileName}"), now)), ct);
    }

    private static byte[] DecodePng(string? data)
    {
        InvalidInput.Require(!string.IsNullOrWhiteSpace(data), "signaturePng", "请在签字区签名。");
        var text = data!.Trim();
        const string prefix = "data:image/png;base64,";
        if (text.StartsWith("data:", StringComparison.Ordinal))
        {
            InvalidInput.Require(text.StartsWith(prefix, StringComparison.Ordinal), "signaturePng", "签名须为 PNG 图片。");
            text = text[prefix.Length..];
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidInput("signaturePng", "签名图片的编码有误（须为 base64）。");
        }

        InvalidInput.Require(bytes.Length <= MaxSignatureBytes, "signaturePng", "签名图片过大。");
        ReadOnlySpan<byte> magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        InvalidInput.Require(bytes.AsSpan().StartsWith(magic), "signaturePng", "签名须为 PNG 图片。");
        return bytes;
    }

    private static Task Sync(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private async Task<WorkOrder> LoadAsync(Guid id, CancellationToken ct)
    {
        var order = await db.WorkOrders.Include(w => w.Entries).SingleOrDefaultAsync(w => w.Id == id, ct);
        return order is null || !order.IsVisibleTo(callers.Required.ToActor()) ? throw new NotFound("工单") : order;
    }

    /// <summary>
    /// Load the work order the caller may see (else 404), run one verb, save once with what it wrote; the same
    /// Idempotency-Key gets the first result and a stale write is 409. The return-to-factory stages run through it too.
    /// </summary>
    internal async Task<Guid> RunAsync(Guid id, string action, object command, string? idempotencyKey, Func<WorkOrder, Actor, DateTimeOffset, Task> verb, CancellationToken ct, bool transactional = false)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint($"workOrder.{action}:{id}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, ct) is { } earlier)
        {
            return earlier;
        }

        db.ChangeTracker.Clear();
        var order = await LoadAsync(id, ct);
        var now = clock.GetUtcNow();
        await using var transaction = transactional ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await verb(order, caller.ToActor(), now);
        }
        catch (WorkflowRuleViolation) when (idempotencyKey is not null)
        {
            if (await Idempotency.FindAfterRaceAsync(db, caller.UserId, idempotencyKey, fingerprint, ct) is { } winner)
            {
                return winner;
            }

            throw;
        }

        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, order.Id, StatusCodes.Status200OK, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict();
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await Idempotency.FindAfterRaceAsync(db, caller.UserId, idempotencyKey, fingerprint, ct) ?? throw new ConcurrencyConflict();
        }
        catch (DbUpdateException)
        {
            // Two writers appended the same timeline sequence: the loser was stale.
            throw new ConcurrencyConflict();
        }

        return order.Id;
    }
}

/// <summary>
/// R-WO-1 (issue 6 §1): a request completes only when its work orders are done or cancelled. The request's
/// completeService asks this gate first.
/// </summary>
public sealed class OpenWorkOrderGate(AppDbContext db)
{
    public async Task EnsureNoneOpenAsync(string requestIdOrNumber, CancellationToken cancellationToken)
    {
        var requestId = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), requestIdOrNumber).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (requestId is null)
        {
            return;
        }

        var orders = await db.WorkOrders.AsNoTracking().Where(w => w.ServiceRequestId == requestId)
            .Select(w => new { w.Number, w.Status }).ToListAsync(cancellationToken);
        WorkOrderRules.EnsureNoneOpen(orders.Select(o => (o.Number, o.Status)));
    }
}
