using AfterSales.Data;
using AfterSales.Domain.ServiceRequests;
using AfterSales.Web.Features.Policies;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Features.ServiceRequests.Attachments;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ServiceRequests;

/// <summary>
/// 上传附件 (R-IN-4, R-ARC-1): photos, certificates, logs, vouchers. Checked against the request's policy
/// (size, sniffed type, count) and stored under a server-generated name.
/// </summary>
public sealed class AttachFile(AppDbContext db, CallerContext callers, TimeProvider clock, ServiceRulesCatalog rulesCatalog, AttachmentIntake intake)
{
    public async Task<Attachment> HandleAsync(string idOrNumber, IncomingFile file, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var request = await ServiceRequestLookup.ById(db.ServiceRequests, idOrNumber)
            .Include(r => r.Attachments)
            .Include(r => r.Deadlines)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFound("售后单");
        var (_, rules) = await rulesCatalog.ForPolicyAsync(db, request.PolicyId, cancellationToken);
        var now = clock.GetUtcNow();
        var actor = caller.ToActor();

        // Cheap refusals (permission, closed request, count) before any bytes are stored.
        request.EnsureCanAttach(actor, rules);
        var loadedVersion = request.Version;
        var attachment = await intake.StoreAsync(file, request.Id, rules.Policy.Attachments, actor, now, cancellationToken);
        try
        {
            request.AddAttachment(attachment, actor, now, rules);
            await db.SaveChangesAsync(cancellationToken);
            return attachment;
        }
        catch (DbUpdateException ex)
        {
            intake.Discard(attachment);
            if (ex is DbUpdateConcurrencyException || await ServiceRequestLookup.ChangedSinceAsync(db, request.Id, loadedVersion, cancellationToken))
            {
                throw new ConcurrencyConflict();
            }

            throw;
        }
        catch
        {
            intake.Discard(attachment);
            throw;
        }
    }
}

/// <summary>下载附件: only from a request the caller may see.</summary>
public sealed class DownloadAttachment(AppDbContext db, IAttachmentStore store)
{
    public async Task<(Attachment Attachment, Stream Content)> HandleAsync(string idOrNumber, Guid attachmentId, CancellationToken cancellationToken)
    {
        var requestId = await ServiceRequestLookup.ById(db.ServiceRequests, idOrNumber).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFound("售后单");
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ServiceRequestId == requestId, cancellationToken)
            ?? throw new NotFound("附件");
        return (attachment, store.Open(attachment.StoredName));
    }
}
