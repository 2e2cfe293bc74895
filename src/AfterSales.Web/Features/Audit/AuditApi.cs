using System.Text.Json;
using AfterSales.Data;
using AfterSales.Web.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Audit;

/// <summary>One entry of the audit trail as the API and the audit page show it (R-X-4).</summary>
public sealed record AuditEntryView(Guid Id, DateTimeOffset At, string ActorName, Guid? ActorUserId, Guid? ActorOrganizationId, string EntityType, string EntityId, string Action, JsonElement Changes);

/// <summary>Reads the audit trail: the platform all of it, an organisation what its own people changed (query filter).</summary>
public sealed class AuditQueries(AppDbContext db)
{
    public static IReadOnlyList<string> EntityTypes { get; } =
        ["organization", "user", "role", "userRole", "rolePermission", "product", "priceListItem", "purchaseOrder", "asset", "servicePolicy", "calendar", "staffSuspension", "customerSanction",
            "supplierRating", "sparePart", "warehouse", "partReservation", "replenishmentOrder", "partShipment", "damageReport", "partBatch", "oldPartReturn",
            "loanerUnit", // issue 6 loaners (R-EXE-7)
            "maintenanceContract", "maintenancePlan", "maintenanceVisit"];

    public async Task<Page<AuditEntryView>> ListAsync(string? entityType, string? entityId, string? actor, int? pageSize, string? after, CancellationToken cancellationToken)
    {
        var size = Cursor.Size(pageSize);
        var cursor = Cursor.Decode(after);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            Domain.Common.InvalidInput.Require(EntityTypes.Contains(entityType), "entityType", $"记录类型无效，可选：{string.Join("、", EntityTypes)}。");
            query = query.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            var id = entityId.Trim();
            query = query.Where(a => a.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            var name = actor.Trim();
            query = query.Where(a => a.ActorName.Contains(name));
        }

        if (cursor is { } c)
        {
            var key = Cursor.Instant(c.Key);
            query = query.Where(a => a.At < key || (a.At == key && a.Id < c.Id));
        }

        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = rows.Take(size).Select(a => new AuditEntryView(a.Id, a.At, a.ActorName, a.ActorUserId, a.ActorOrganizationId, a.EntityType, a.EntityId, a.Action,
            JsonDocument.Parse(a.Changes).RootElement.Clone())).ToList();
        return new Page<AuditEntryView>(items, rows.Count > size ? Cursor.Encode(items[^1].At.UtcTicks, items[^1].Id) : null);
    }
}

public static class AuditApi
{
    public static IServiceCollection AddAuditFeatures(this IServiceCollection services) => services.AddScoped<AuditQueries>();

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async ([FromQuery(Name = "entityType")] string? entityType, [FromQuery(Name = "entityId")] string? entityId, [FromQuery(Name = "actor")] string? actor,
                [FromQuery(Name = "page[size]")] int? pageSize, [FromQuery(Name = "page[after]")] string? after, AuditQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(entityType, entityId, actor, pageSize, after, ct)))
            .WithTags("Audit 审计")
            .WithSummary("审计日志 Who changed which master record, when, and what changed (R-X-4)");
        return api;
    }
}
