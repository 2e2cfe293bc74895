using AfterSales.Data;
using AfterSales.Domain.Common;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Web.Features.Catalogue;
using AfterSales.Web.Http;
using AfterSales.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Policies;

/// <summary>
/// 发布政策新版本 (R-SLA-1): a supplier's service manager, or a platform admin naming the supplier, announces the next
/// version of the supplier's policy with the date it takes effect — at least 7 working days ahead. Requests filed
/// before that date keep the version they were filed under; only later ones take the new figures.
/// A supplier still on a shipped preset first gets its own copy of it (same figures, in effect at once) under
/// <c>supplier:{code}</c>, so the preset stays untouched and the supplier's versions have one key.
/// </summary>
public sealed class IssuePolicyVersion(AppDbContext db, CallerContext callers, TimeProvider clock, ServiceRulesCatalog rules)
{
    public sealed record Command(Guid? SupplierId, string? Name, DateTimeOffset? EffectiveFrom, PolicyFigures? Figures);

    public async Task<Guid> HandleAsync(Command command, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = callers.Required;
        var supplierId = await CatalogueWrites.ActingSupplierAsync(db, caller, Permissions.PoliciesManage, command.SupplierId, "issuePolicy",
            "只有供应商售后经理或平台管理员可以发布售后政策。", cancellationToken);
        var fingerprint = CatalogueWrites.Fingerprint("issuePolicy", command);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        InvalidInput.Require(command.EffectiveFrom is not null, "effectiveFrom", "请填写生效时间。");
        var calendarId = command.Figures?.CalendarId;
        var storedCalendar = calendarId is not null && await db.Calendars.AnyAsync(c => c.Id == calendarId, cancellationToken);
        PolicyVersioning.Validate(command.Figures, id => storedCalendar || WorkingCalendars.BuiltIn.ContainsKey(id));
        var name = InvalidInput.OptionalText(command.Name, "name", "政策名称", 200);

        var supplier = await db.Organizations.SingleAsync(o => o.Id == supplierId, cancellationToken);
        var chosen = supplier.ServicePolicyId is { } chosenId
            ? await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Id == chosenId, cancellationToken)
            : null;
        if (chosen is null)
        {
            throw new WorkflowRuleViolation("R-SLA-1", "该供应商尚未设置售后政策，请先由平台管理员选择预设。");
        }

        // The supplier's own key, or a new one when it is still on a preset (or on a policy it does not own).
        var owned = chosen.OwnerOrganizationId == supplierId;
        var key = owned ? chosen.Key : PolicyVersioning.SupplierKey(supplier.Code);
        var latest = await db.ServicePolicies.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Key == key).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var noticeCalendar = await rules.CalendarAsync(db, PolicyVersioning.NoticeCalendarId, cancellationToken);
        PolicyVersioning.RequireNotice(command.EffectiveFrom!.Value, now, noticeCalendar, latest);

        var nextVersion = (latest?.Version ?? 0) + 1;
        if (!owned)
        {
            // Same figures as the preset the supplier is on, so it takes effect at once: nothing changes for anyone
            // until the announced version's date (R-SLA-1).
            var copy = new ServicePolicy(Guid.CreateVersion7(now), key, nextVersion, chosen.Name, chosen.Figures, now, supplierId, chosen.PresetKey);
            db.ServicePolicies.Add(copy);
            supplier.ChoosePolicy(copy.Id);
            nextVersion++;
        }

        var version = new ServicePolicy(Guid.CreateVersion7(now), key, nextVersion, name ?? chosen.Name, PolicyVersioning.Normalized(command.Figures!),
            command.EffectiveFrom.Value, supplierId, chosen.PresetKey);
        db.ServicePolicies.Add(version);
        if (idempotencyKey is not null)
        {
            Idempotency.Record(db, caller.UserId, idempotencyKey, fingerprint, version.Id, StatusCodes.Status201Created, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // (Key, Version) is unique: another version of this policy was announced at the same moment.
            db.ChangeTracker.Clear();
            if (idempotencyKey is not null && await Idempotency.FindAsync(db, caller.UserId, idempotencyKey, fingerprint, cancellationToken) is { } winner)
            {
                return winner;
            }

            if (await db.ServicePolicies.IgnoreQueryFilters().AnyAsync(p => p.Key == key && p.Version == version.Version, cancellationToken))
            {
                throw new ConcurrencyConflict();
            }

            throw;
        }

        return version.Id;
    }
}
