using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>
/// The verbs of a complaint after filing (R-CMP-1): load the complaint the caller may see (else 404), run one domain
/// verb, save once with the history step it wrote. The same Idempotency-Key gets the first result; a stale write 409.
/// </summary>
public sealed class ComplaintActions(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Responsibility">productQuality, staffService or customerUse (责任主体).</param>
    /// <param name="StaffUserId">For staffService: the staff member at fault (defaults to the person complained about).</param>
    /// <param name="Note">Verification notes (optional).</param>
    public sealed record VerifyCommand(ComplaintResponsibility? Responsibility, Guid? StaffUserId, string? Note);

    /// <param name="Reason">Why the complaint is unfounded (required).</param>
    public sealed record ReasonCommand(string? Reason);

    public sealed record NoteCommand(string? Note);

    /// <param name="Notes">What was done (required).</param>
    /// <param name="Compensation">none (default), waivedFee, credit or replacement.</param>
    /// <param name="CompensationAmount">The fee waived or the credit, in CNY, e.g. 500.00 (required for waivedFee and credit).</param>
    public sealed record HandleCommand(string? Notes, CompensationKind? Compensation, decimal? CompensationAmount);

    /// <param name="Satisfied">Whether the complainant is satisfied (required).</param>
    /// <param name="Comment">Feedback; required when not satisfied.</param>
    public sealed record CloseCommand(bool? Satisfied, string? Comment);

    public Task<Guid> VerifyAsync(Guid id, VerifyCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(id, "verify", command, idempotencyKey, async (complaint, by, now) =>
        {
            ComplainedPerson? staff = null;
            if (command.StaffUserId is { } staffId)
            {
                staff = await ComplaintPeople.FindAsync(db, staffId, cancellationToken) ?? throw new InvalidInput("staffUserId", "责任人不存在或无权查看。");
            }

            complaint.Verify(by, command.Responsibility, staff, command.Note, now);
        }, cancellationToken);

    public Task<Guid> RejectAsync(Guid id, ReasonCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(id, "reject", command, idempotencyKey, (complaint, by, now) => Sync(() => complaint.Reject(by, command.Reason, now)), cancellationToken);

    public Task<Guid> StartHandlingAsync(Guid id, NoteCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(id, "startHandling", command, idempotencyKey, (complaint, by, now) => Sync(() => complaint.StartHandling(by, command.Note, now)), cancellationToken);

    public Task<Guid> HandleAsync(Guid id, HandleCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(id, "handle", command, idempotencyKey, (complaint, by, now) => Sync(() => complaint.Handle(by, command.Notes, command.Compensation, command.CompensationAmount, now)), cancellationToken);

    public Task<Guid> CloseAsync(Guid id, CloseCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(id, "close", command, idempotencyKey, (complaint, by, now) => Sync(() => complaint.Close(by, command.Satisfied, command.Comment, now)), cancellationToken);

    public Task<Guid> ReopenAsync(Guid id, ReasonCommand command, string? idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync(id, "reopen", command, idempotencyKey, (complaint, by, now) => Sync(() => complaint.Reopen(by, command.Reason, now)), cancellationToken);

    private static Task Sync(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private async Task<Guid> RunAsync(Guid id, string action, object command, string? idempotencyKey, Func<Complaint, Actor, DateTimeOffset, Task> verb, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint($"complaint.{action}:{id}", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var complaint = await db.Complaints.Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFound("投诉");
        var now = clock.GetUtcNow();
        try
        {
            await verb(complaint, caller.ToActor(), now);
        }
        catch (WorkflowRuleViolation) when (idempotencyKey is not null)
        {
            // A retry that loaded the complaint after the first attempt committed finds it moved on: the first result is the answer.
            if (await Idempotency.FindAfterRaceAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, complaint.Id, StatusCodes.Status200OK, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflict();
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await Idempotency.FindAfterRaceAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) ?? throw new ConcurrencyConflict();
        }
        catch (DbUpdateException)
        {
            // Two writers appended the same history step number: the loser was stale (PostgreSQL reports it this way).
            throw new ConcurrencyConflict();
        }

        return complaint.Id;
    }
}
