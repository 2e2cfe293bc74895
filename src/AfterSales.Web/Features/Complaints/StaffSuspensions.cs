using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>
/// 停岗待培训 (R-CMP-1, seed 001 §(五)): suspend a staff member a verified complaint found at fault, record the
/// retraining that lifts it, and read where a person stands. The audit trail records both (StaffSuspension is audited).
/// </summary>
public sealed class StaffSuspensions(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="ComplaintId">The verified complaint that found the person at fault (required).</param>
    /// <param name="Reason">Why (required, up to 500 characters).</param>
    public sealed record SuspendCommand(Guid? ComplaintId, string? Reason);

    /// <param name="TrainedOn">The training date (yyyy-MM-dd, Asia/Shanghai), not before the suspension nor after today.</param>
    /// <param name="Course">The course (required).</param>
    /// <param name="Trainer">Who trained and passed the person (required).</param>
    public sealed record RetrainingCommand(DateOnly? TrainedOn, string? Course, string? Trainer);

    public async Task<Guid> SuspendAsync(Guid userId, SuspendCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint($"suspendStaff:{userId}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var person = await ComplaintPeople.FindAsync(db, userId, cancellationToken) ?? throw new NotFound("人员");
        InvalidInput.Require(command.ComplaintId is not null, "complaintId", "请指定认定其责任的投诉。");
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.ComplaintId, cancellationToken)
            ?? throw new InvalidInput("complaintId", "投诉不存在或无权查看。");
        if (await db.StaffSuspensions.AnyAsync(s => s.UserId == userId && s.LiftedAt == null, cancellationToken))
        {
            throw new TransitionRefused("suspend", "suspended", $"{person.Name}已处于停岗待培训状态。");
        }

        var now = clock.GetUtcNow();
        var suspension = StaffSuspension.Suspend(Guid.CreateVersion7(now), caller.ToActor(), person, complaint, command.Reason, now);
        db.StaffSuspensions.Add(suspension);
        return await SaveAsync(caller.UserId, idempotencyKey, fingerprint, suspension.Id, now, cancellationToken);
    }

    public async Task<Guid> RecordRetrainingAsync(Guid userId, RetrainingCommand command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint($"retrainStaff:{userId}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var person = await ComplaintPeople.FindAsync(db, userId, cancellationToken) ?? throw new NotFound("人员");
        var suspension = await db.StaffSuspensions.Where(s => s.UserId == userId && s.LiftedAt == null).OrderByDescending(s => s.SuspendedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new TransitionRefused("retraining", "active", $"{person.Name}当前未停岗，无需登记培训。");
        var now = clock.GetUtcNow();
        suspension.RecordRetraining(caller.ToActor(), command.TrainedOn, command.Course, command.Trainer, now);
        return await SaveAsync(caller.UserId, idempotencyKey, fingerprint, suspension.Id, now, cancellationToken);
    }

    /// <summary>One save with the request's Idempotency-Key: a retry that lost the race gets the first attempt's answer.</summary>
    private async Task<Guid> SaveAsync(Guid userId, string? idempotencyKey, string fingerprint, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, userId, idempotencyKey, fingerprint, id, StatusCodes.Status200OK, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await Idempotency.FindAfterRaceAsync(db, userId, idempotencyKey, fingerprint, cancellationToken) ?? throw new ConcurrencyConflict();
        }

        return id;
    }

    /// <summary>A person's suspensions, newest first; 404 for a person of an organisation the caller may not see.</summary>
    public async Task<StaffSuspensionStatus> StatusAsync(Guid userId, CancellationToken cancellationToken)
    {
        var person = await ComplaintPeople.FindAsync(db, userId, cancellationToken) ?? throw new NotFound("人员");
        var records = await db.StaffSuspensions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        var views = records.OrderByDescending(s => s.SuspendedAt).Select(StaffSuspensionView.From).ToList();
        return new StaffSuspensionStatus(person.UserId, person.Name, views.Any(v => v.Active), views);
    }

    /// <summary>The caller's own active suspension, if any (for the banner on their console).</summary>
    public async Task<StaffSuspensionView?> OwnActiveAsync(CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var active = await db.StaffSuspensions.AsNoTracking().Where(s => s.UserId == caller.UserId && s.LiftedAt == null).FirstOrDefaultAsync(cancellationToken);
        return active is null ? null : StaffSuspensionView.From(active);
    }
}

/// <summary>
/// The gate on service work (R-CMP-1): a suspended person may not start or complete a service until retrained.
/// Called by the startService and completeService use cases before the workflow verb runs.
/// </summary>
public sealed class SuspensionGate(AppDbContext db, CallerContext callers)
{
    public async Task EnsureMayServeAsync(string actionLabel, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var active = await db.StaffSuspensions.AsNoTracking().IgnoreQueryFilters()
            .Where(s => s.UserId == caller.UserId && s.LiftedAt == null)
            .FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            throw active.Refusal(actionLabel);
        }
    }
}
