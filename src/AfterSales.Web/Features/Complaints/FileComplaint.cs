using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Organizations;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Features.ServiceRequests;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>
/// 提交投诉 (R-CMP-1): any party files a complaint about a request it can see, a named staff member of a supplier or
/// dealer it deals with, or the service in general. It gets a number TS-YYYY-NNNNNN and is due for verification
/// within 24 h (seed 003). A retry with the same Idempotency-Key files it once.
/// </summary>
public sealed class FileComplaint(AppDbContext db, CallerContext callers, TimeProvider clock)
{
    /// <param name="Subject">request, person or service.</param>
    /// <param name="RequestId">The service request (id or number SR-…); required for subject request, optional otherwise.</param>
    /// <param name="PersonUserId">The staff member complained about (subject person).</param>
    /// <param name="OrganizationId">The supplier or dealer complained about (subject service, optional).</param>
    /// <param name="Channel">portal (default), hotline, email, onSite, other.</param>
    /// <param name="Content">What happened (required, up to 2000 characters).</param>
    /// <param name="DesiredOutcome">What the complainant wants (optional, up to 500).</param>
    public sealed record Command(
        ComplaintSubject? Subject,
        string? RequestId,
        Guid? PersonUserId,
        Guid? OrganizationId,
        ComplaintChannel? Channel,
        string? Content,
        string? DesiredOutcome);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var fingerprint = CatalogueWrites.Fingerprint("fileComplaint", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (!caller.Has(Permissions.ComplaintsFile))
        {
            throw new ActionNotPermitted("file", "您没有提交投诉的权限。");
        }

        InvalidInput.Require(command.Subject is not null, "subject", "请选择投诉对象：售后单、服务人员或服务总体。");
        ComplainedRequest? request = null;
        if (!string.IsNullOrWhiteSpace(command.RequestId))
        {
            // A request the caller cannot see is named as not found, like everywhere else (R-ROLE-1).
            request = await ServiceRequestLookup.ById(db.ServiceRequests.AsNoTracking(), command.RequestId)
                .Select(r => new ComplainedRequest(r.Id, r.Number, r.SupplierId, r.DealerId))
                .SingleOrDefaultAsync(cancellationToken) ?? throw new InvalidInput("requestId", "售后单不存在或无权查看。");
        }

        ComplainedPerson? person = null;
        if (command.PersonUserId is { } personId)
        {
            person = await ComplaintPeople.FindAsync(db, personId, cancellationToken) ?? throw new InvalidInput("personUserId", "被投诉人不存在或无权查看。");
        }

        (Guid, PartyKind)? against = null;
        if (command.OrganizationId is { } organizationId)
        {
            var kind = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => (PartyKind?)o.Kind).SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidInput("organizationId", "被投诉单位不存在或无权查看。");
            against = (organizationId, kind);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = await RequestNumbers.NextAsync(db, "TS", now, cancellationToken);
        var complaint = Complaint.File(
            Guid.CreateVersion7(now), number, caller.ToActor(), command.Subject!.Value, request, person, against,
            command.Channel ?? ComplaintChannel.Portal, command.Content, command.DesiredOutcome, now);
        db.Complaints.Add(complaint);
        return await Idempotency.CommitCreatedAsync(db, transaction, caller.UserId, idempotencyKey, fingerprint, complaint.Id, now, cancellationToken);
    }
}

/// <summary>Staff of suppliers and dealers as complaints name them: only people of organisations the caller may see.</summary>
public static class ComplaintPeople
{
    public static async Task<ComplainedPerson?> FindAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.OrganizationId }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        // The organisation's query filter decides whether the caller may name its people.
        var kind = await db.Organizations.AsNoTracking().Where(o => o.Id == user.OrganizationId).Select(o => (PartyKind?)o.Kind).SingleOrDefaultAsync(cancellationToken);
        return kind is null ? null : new ComplainedPerson(user.Id, user.DisplayName, user.OrganizationId, kind.Value);
    }

    /// <summary>Service staff the caller may name in a complaint: users of the visible suppliers and dealers (for the pages' pickers).</summary>
    public static async Task<IReadOnlyList<StaffChoice>> ChoicesAsync(AppDbContext db, Guid? organizationId, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => (o.Kind == PartyKind.Supplier || o.Kind == PartyKind.Dealer) && (organizationId == null || o.Id == organizationId))
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        var ids = organizations.Select(o => o.Id).ToList();
        var names = organizations.ToDictionary(o => o.Id, o => o.Name);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.OrganizationId) && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.OrganizationId })
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => new StaffChoice(u.Id, u.DisplayName, u.OrganizationId, names[u.OrganizationId]))
            .OrderBy(u => u.OrganizationName, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)];
    }
}
