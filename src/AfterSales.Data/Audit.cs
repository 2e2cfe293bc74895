using System.Globalization;
using System.Text.Json;
using AfterSales.Data.Identity;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Data;

/// <summary>
/// 审计记录: one change to a master record — who, when, which record, created/updated/deleted, and the fields that
/// changed (R-X-4). Written in the same SaveChanges as the change, so no change is committed without its entry.
/// Service requests keep their own, richer timeline and are not repeated here.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorUserId { get; set; }

    public string ActorName { get; set; } = string.Empty;

    public Guid? ActorOrganizationId { get; set; }

    /// <summary>The business name of the record type, e.g. "organization", "user", "purchaseOrder".</summary>
    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>created, updated or deleted.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>JSON object: field → { "from": …, "to": … }; secrets are never written, only that they changed.</summary>
    public string Changes { get; set; } = "{}";
}

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every created, changed or deleted master record in the SaveChanges that makes
/// the change. One place, so no use case can forget it.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly Dictionary<Type, string> Audited = new()
    {
        [typeof(Organization)] = "organization",
        [typeof(AppUser)] = "user",
        [typeof(AppRole)] = "role",
        [typeof(IdentityUserRole<Guid>)] = "userRole",
        [typeof(IdentityRoleClaim<Guid>)] = "rolePermission",
        [typeof(Product)] = "product",
        [typeof(PriceListItem)] = "priceListItem",
        [typeof(PurchaseOrder)] = "purchaseOrder",
        [typeof(Asset)] = "asset",
        [typeof(AssetPart)] = "assetPart", // warranty (issue 4), R-WTY-2
        [typeof(ServicePolicy)] = "servicePolicy",
        [typeof(CalendarDefinition)] = "calendar",
        [typeof(StaffSuspension)] = "staffSuspension", // complaints: 停岗与培训 (R-CMP-1)
        [typeof(Domain.ServiceRequests.ConfidentialityAgreement)] = "confidentialityAgreement", // quotes and agreements (R-SEC-1)
        [typeof(Domain.Invoices.Invoice)] = "invoice", // issue 4 invoices
        [typeof(Domain.CustomerSanctions.CustomerSanction)] = "customerSanction", // customer abuse controls (R-FRD-1)
        [typeof(Domain.Ratings.SupplierRating)] = "supplierRating", // supplier ratings, suspension and override (R-RAT-1)
        [typeof(Domain.Parts.SparePart)] = "sparePart", // issue 6 spare parts (R-EXE-4)
        [typeof(Domain.Parts.Warehouse)] = "warehouse",
        [typeof(Domain.Parts.PartReservation)] = "partReservation",
        [typeof(Domain.Parts.ReplenishmentOrder)] = "replenishmentOrder",
        [typeof(Domain.Parts.PartShipment)] = "partShipment",
        [typeof(Domain.Parts.DamageReport)] = "damageReport",
        [typeof(Domain.Parts.PartBatch)] = "partBatch", // sampling results and recalls (R-KPI-4)
        [typeof(Domain.Parts.OldPartReturn)] = "oldPartReturn", // R-DLR-2, R-DLR-3
        [typeof(Domain.Loaners.LoanerUnit)] = "loanerUnit", // issue 6 loaners (R-EXE-7)
        [typeof(Domain.Maintenance.MaintenanceContract)] = "maintenanceContract", // R-MNT-1
        [typeof(Domain.Maintenance.MaintenancePlan)] = "maintenancePlan",
        [typeof(Domain.Maintenance.MaintenanceVisit)] = "maintenanceVisit", // generated visits, reminders and reports (R-RV-2, R-EXE-3)
    };

    // Kept out of the trail entirely (derived or bookkeeping) or written only as "changed" (secrets).
    private static readonly HashSet<string> Skipped = ["ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "NormalizedName", "AccessFailedCount"];
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp"];

    /// <summary>Whether changes to this type get an audit entry (so they must go through SaveChanges).</summary>
    public static bool Audits(Type type) => Audited.ContainsKey(type);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Record(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Audited.ContainsKey(e.Metadata.ClrType))
            .ToList();
        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            db.AuditEntries.Add(new AuditEntry
            {
                Id = Guid.CreateVersion7(now),
                At = now,
                ActorUserId = db.Scope.ActorUserId,
                ActorName = db.Scope.ActorName,
                ActorOrganizationId = db.Scope.OrganizationId == Guid.Empty ? null : db.Scope.OrganizationId,
                EntityType = Audited[entry.Metadata.ClrType],
                EntityId = KeyOf(entry),
                Action = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" },
                Changes = JsonSerializer.Serialize(changes, StorageJson.Options),
            });
        }
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties;
        return string.Join("/", key.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        var properties = entry.Properties.Select(p => (Name: p.Metadata.Name, Property: p))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Select(p => (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", Property: p))));
        foreach (var (name, property) in properties)
        {
            if (Skipped.Contains(property.Metadata.Name) || property.Metadata.IsShadowProperty() ||
                (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            // Identity's UpdateAsync marks every column modified: only values that really differ are changes.
            if (entry.State == EntityState.Modified && property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }

            var current = entry.State == EntityState.Deleted ? null : Simple(property.CurrentValue);
            var original = entry.State == EntityState.Added ? null : Simple(property.OriginalValue);
            changes[Camel(name)] = Secret.Contains(property.Metadata.Name) ? new { changed = true } : new { from = original, to = current };
        }

        return changes;
    }

    /// <summary>Scalars as they are; whole documents (order lines, policy figures) only as "changed".</summary>
    private static object? Simple(object? value) => value switch
    {
        null or string or bool or int or long or decimal or Guid or DateOnly or DateTimeOffset or Enum => value,
        _ => "(…)",
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
