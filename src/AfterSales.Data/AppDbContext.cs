using AfterSales.Data.Identity;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Deadlines;
using AfterSales.Domain.Notifications;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Penalties;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Data;

/// <summary>
/// The one DbContext: identity, the business aggregates and the infrastructure rows. Every
/// organisation-owned set carries a global query filter on <see cref="Scope"/> (R-ROLE-1), so a
/// record of another organisation is simply not there — the API answers 404.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Whose rows are visible; replaced per unit of work (pooled contexts keep no caller between uses).</summary>
    public DataScope Scope { get; set; } = new();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<PriceListItem> PriceListItems => Set<PriceListItem>();

    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<ServicePolicy> ServicePolicies => Set<ServicePolicy>();

    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<DeadlineBreach> DeadlineBreaches => Set<DeadlineBreach>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CalendarDefinition> Calendars => Set<CalendarDefinition>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    // Complaints (R-CMP-1): the complaint ledger and staff suspended until retrained.
    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintStep> ComplaintSteps => Set<ComplaintStep>();

    public DbSet<StaffSuspension> StaffSuspensions => Set<StaffSuspension>();

    // Warranty (issue 4): parts replaced or repaired on an asset, each with its own term (R-WTY-2).
    public DbSet<AssetPart> AssetParts => Set<AssetPart>();

    // Quotes and agreements (issue 4): 数据保密协议 per customer–supplier pair (R-SEC-1).
    public DbSet<ConfidentialityAgreement> ConfidentialityAgreements => Set<ConfidentialityAgreement>();

    // Issue 4 invoices (R-FEE-1).
    public DbSet<Domain.Invoices.Invoice> Invoices => Set<Domain.Invoices.Invoice>();

    public DbSet<Domain.Invoices.InvoicePayment> InvoicePayments => Set<Domain.Invoices.InvoicePayment>();

    // Customer abuse controls (R-FRD-1): suspensions of request rights and blacklistings for fake quality claims.
    public DbSet<Domain.CustomerSanctions.CustomerSanction> CustomerSanctions => Set<Domain.CustomerSanctions.CustomerSanction>();
    // Supplier ratings (R-RAT-1): one monthly grade per supplier, with its suspension.
    public DbSet<Domain.Ratings.SupplierRating> SupplierRatings => Set<Domain.Ratings.SupplierRating>();
    // Issue 6 work orders (工单) and engineers (R-EXE-1, R-EXE-2).
    public DbSet<Domain.WorkOrders.WorkOrder> WorkOrders => Set<Domain.WorkOrders.WorkOrder>();

    public DbSet<Domain.WorkOrders.WorkOrderEntry> WorkOrderEntries => Set<Domain.WorkOrders.WorkOrderEntry>();

    public DbSet<Domain.WorkOrders.EngineerProfile> EngineerProfiles => Set<Domain.WorkOrders.EngineerProfile>();
    // Issue 6 spare parts (R-EXE-4, R-KPI-4) and old-part returns (R-DLR-2, R-DLR-3).
    public DbSet<Domain.Parts.SparePart> SpareParts => Set<Domain.Parts.SparePart>();

    public DbSet<Domain.Parts.Warehouse> Warehouses => Set<Domain.Parts.Warehouse>();

    public DbSet<Domain.Parts.StockLevel> StockLevels => Set<Domain.Parts.StockLevel>();

    public DbSet<Domain.Parts.PartBatch> PartBatches => Set<Domain.Parts.PartBatch>();

    public DbSet<Domain.Parts.PartReservation> PartReservations => Set<Domain.Parts.PartReservation>();

    public DbSet<Domain.Parts.ReplenishmentOrder> ReplenishmentOrders => Set<Domain.Parts.ReplenishmentOrder>();

    public DbSet<Domain.Parts.StockTransfer> StockTransfers => Set<Domain.Parts.StockTransfer>();

    public DbSet<Domain.Parts.PartShipment> PartShipments => Set<Domain.Parts.PartShipment>();

    public DbSet<Domain.Parts.DamageReport> DamageReports => Set<Domain.Parts.DamageReport>();

    public DbSet<Domain.Parts.SamplingPlan> SamplingPlans => Set<Domain.Parts.SamplingPlan>();

    public DbSet<Domain.Parts.SamplingItem> SamplingItems => Set<Domain.Parts.SamplingItem>();

    public DbSet<Domain.Parts.OldPartReturn> OldPartReturns => Set<Domain.Parts.OldPartReturn>();

    public DbSet<Domain.Loaners.LoanerUnit> LoanerUnits => Set<Domain.Loaners.LoanerUnit>();

    public DbSet<Domain.Loaners.LoanerMovement> LoanerMovements => Set<Domain.Loaners.LoanerMovement>();

    public DbSet<Domain.WorkOrders.FactoryRepairRecord> FactoryRepairRecords => Set<Domain.WorkOrders.FactoryRepairRecord>();

    public DbSet<Domain.WorkOrders.UnitReplacement> UnitReplacements => Set<Domain.WorkOrders.UnitReplacement>();
    // Maintenance contracts, plans and visits (R-MNT-1, R-RV-2, R-EXE-3).
    public DbSet<Domain.Maintenance.MaintenanceContract> MaintenanceContracts => Set<Domain.Maintenance.MaintenanceContract>();

    public DbSet<Domain.Maintenance.MaintenancePlan> MaintenancePlans => Set<Domain.Maintenance.MaintenancePlan>();

    public DbSet<Domain.Maintenance.MaintenanceVisit> MaintenanceVisits => Set<Domain.Maintenance.MaintenanceVisit>();

    // Read by the query filters; EF parameterises them per query from this instance.
    private Guid ScopeOrganizationId => Scope.OrganizationId;

    private Guid ScopeParentSupplierId => Scope.ParentSupplierId;

    private bool ScopeSeesAll => Scope.SeesAll;

    private Guid? ScopeActorUserId => Scope.ActorUserId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no instant type: UTC ticks keep comparisons and ORDER BY in SQL (ARCHITECTURE §3 Time).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            // timestamptz accepts only UTC offsets through Npgsql.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
        }

        foreach (var enumType in EnumsStoredByName)
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Domain ids are made by the domain (Guid v7). Telling EF they are never generated makes it insert
        // a new child found in a loaded aggregate's collection instead of mistaking it for an update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("AfterSales.Domain", StringComparison.Ordinal) == true))
        {
            foreach (var key in entity.FindPrimaryKey()?.Properties ?? [])
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }

        builder.Entity<Organization>().HasQueryFilter(o =>
            ScopeSeesAll || o.Id == ScopeOrganizationId || o.Id == ScopeParentSupplierId || o.ParentSupplierId == ScopeOrganizationId ||
            PurchaseOrders.Any(po =>
                (po.CustomerId == ScopeOrganizationId && (po.SupplierId == o.Id || po.DealerId == o.Id)) ||
                (po.SupplierId == ScopeOrganizationId && po.CustomerId == o.Id) ||
                (po.DealerId == ScopeOrganizationId && po.CustomerId == o.Id)));

        builder.Entity<Product>().HasQueryFilter(p =>
            ScopeSeesAll || p.SupplierId == ScopeOrganizationId || p.SupplierId == ScopeParentSupplierId ||
            PurchaseOrders.Any(po => po.CustomerId == ScopeOrganizationId && po.SupplierId == p.SupplierId));

        builder.Entity<PriceListItem>().HasQueryFilter(p =>
            ScopeSeesAll || p.SupplierId == ScopeOrganizationId || p.SupplierId == ScopeParentSupplierId ||
            PurchaseOrders.Any(po => po.CustomerId == ScopeOrganizationId && po.SupplierId == p.SupplierId));

        builder.Entity<PurchaseOrder>().HasQueryFilter(o =>
            ScopeSeesAll || o.CustomerId == ScopeOrganizationId || o.SupplierId == ScopeOrganizationId || o.DealerId == ScopeOrganizationId);

        builder.Entity<Asset>().HasQueryFilter(a =>
            ScopeSeesAll || a.CustomerId == ScopeOrganizationId || a.SupplierId == ScopeOrganizationId || a.DealerId == ScopeOrganizationId);

        builder.Entity<ServicePolicy>().HasQueryFilter(p =>
            ScopeSeesAll || p.OwnerOrganizationId == null || p.OwnerOrganizationId == ScopeOrganizationId || p.OwnerOrganizationId == ScopeParentSupplierId ||
            PurchaseOrders.Any(po => po.CustomerId == ScopeOrganizationId && po.SupplierId == p.OwnerOrganizationId));

        builder.Entity<ServiceRequest>().HasQueryFilter(r =>
            ScopeSeesAll || r.CustomerId == ScopeOrganizationId || r.SupplierId == ScopeOrganizationId || r.DealerId == ScopeOrganizationId);

        builder.Entity<Attachment>().HasQueryFilter(a => ServiceRequests.Any(r => r.Id == a.ServiceRequestId));
        builder.Entity<TimelineEntry>().HasQueryFilter(t => ServiceRequests.Any(r => r.Id == t.ServiceRequestId));
        builder.Entity<Deadline>().HasQueryFilter(d => ServiceRequests.Any(r => r.Id == d.ServiceRequestId));
        builder.Entity<DeadlineBreach>().HasQueryFilter(b => ScopeSeesAll || b.SupplierId == ScopeOrganizationId);

        // An organisation reads the audit trail of what its own people did; the platform reads all of it.
        builder.Entity<AuditEntry>().HasQueryFilter(a => ScopeSeesAll || a.ActorOrganizationId == ScopeOrganizationId);

        // A penalty is seen by the one who pays it and the one it is owed to (R-PEN-3); the platform sees all.
        builder.Entity<LedgerEntry>().HasQueryFilter(l => ScopeSeesAll || l.OrganizationId == ScopeOrganizationId || l.CounterpartyOrganizationId == ScopeOrganizationId);

        // Warranty (issue 4): an asset's parts are seen by whoever sees the asset.
        builder.Entity<AssetPart>().HasQueryFilter(p => Assets.Any(a => a.Id == p.AssetId));

        // A notification is its recipient's.
        builder.Entity<Notification>().HasQueryFilter(n => ScopeSeesAll || n.RecipientUserId == ScopeActorUserId);

        // Complaints (R-CMP-1): the complainant's organisation, the organisation complained about and the platform.
        builder.Entity<Complaint>().HasQueryFilter(c =>
            ScopeSeesAll || c.ComplainantOrganizationId == ScopeOrganizationId || c.RespondentSupplierId == ScopeOrganizationId || c.RespondentDealerId == ScopeOrganizationId);
        builder.Entity<ComplaintStep>().HasQueryFilter(s => Complaints.Any(c => c.Id == s.ComplaintId));
        builder.Entity<StaffSuspension>().HasQueryFilter(s => ScopeSeesAll || s.OrganizationId == ScopeOrganizationId);

        // Quotes and agreements (issue 4): a confidentiality agreement is seen by its two parties and the supplier's dealers (R-SEC-1).
        builder.Entity<ConfidentialityAgreement>().HasQueryFilter(a =>
            ScopeSeesAll || a.CustomerId == ScopeOrganizationId || a.SupplierId == ScopeOrganizationId || a.SupplierId == ScopeParentSupplierId);

        // Issue 4 invoices: an invoice is seen by the customer who pays it and the supplier who issued it; the platform all.
        builder.Entity<Domain.Invoices.Invoice>().HasQueryFilter(i => ScopeSeesAll || i.CustomerId == ScopeOrganizationId || i.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Invoices.InvoicePayment>().HasQueryFilter(p => Invoices.Any(i => i.Id == p.InvoiceId));

        // Customer sanctions (R-FRD-1): the sanctioned customer organisation and the platform.
        builder.Entity<Domain.CustomerSanctions.CustomerSanction>().HasQueryFilter(s => ScopeSeesAll || s.CustomerOrganizationId == ScopeOrganizationId);
        // Supplier ratings (R-RAT-1): the platform sees every supplier's, a supplier its own; nobody else any.
        builder.Entity<Domain.Ratings.SupplierRating>().HasQueryFilter(r => ScopeSeesAll || r.SupplierId == ScopeOrganizationId);
        // Issue 6 work orders: the request's parties see its work orders; a supplier sees its own engineers.
        builder.Entity<Domain.WorkOrders.WorkOrder>().HasQueryFilter(w =>
            ScopeSeesAll || w.CustomerId == ScopeOrganizationId || w.SupplierId == ScopeOrganizationId || w.DealerId == ScopeOrganizationId);
        builder.Entity<Domain.WorkOrders.WorkOrderEntry>().HasQueryFilter(e => WorkOrders.Any(w => w.Id == e.WorkOrderId));
        builder.Entity<Domain.WorkOrders.EngineerProfile>().HasQueryFilter(e => ScopeSeesAll || e.OrganizationId == ScopeOrganizationId);
        // Issue 6 spare parts: the supplier's own stock, reservations, sampling and old parts; the platform all. The catalogue is also
        // read by the supplier's dealers and customers (lead times are disclosed, R-QUO-4); a shipment and its damage report by its customer.
        builder.Entity<Domain.Parts.SparePart>().HasQueryFilter(p =>
            ScopeSeesAll || p.SupplierId == ScopeOrganizationId || p.SupplierId == ScopeParentSupplierId ||
            PurchaseOrders.Any(po => po.CustomerId == ScopeOrganizationId && po.SupplierId == p.SupplierId));
        builder.Entity<Domain.Parts.Warehouse>().HasQueryFilter(w => ScopeSeesAll || w.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.StockLevel>().HasQueryFilter(s => ScopeSeesAll || s.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.PartBatch>().HasQueryFilter(b => ScopeSeesAll || b.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.PartReservation>().HasQueryFilter(r => ScopeSeesAll || r.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.ReplenishmentOrder>().HasQueryFilter(r => ScopeSeesAll || r.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.StockTransfer>().HasQueryFilter(t => ScopeSeesAll || t.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.PartShipment>().HasQueryFilter(s => ScopeSeesAll || s.SupplierId == ScopeOrganizationId || s.CustomerId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.DamageReport>().HasQueryFilter(d => ScopeSeesAll || d.SupplierId == ScopeOrganizationId || d.CustomerId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.SamplingPlan>().HasQueryFilter(p => ScopeSeesAll || p.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Parts.SamplingItem>().HasQueryFilter(i => SamplingPlans.Any(p => p.Id == i.PlanId));
        builder.Entity<Domain.Parts.OldPartReturn>().HasQueryFilter(r => ScopeSeesAll || r.SupplierId == ScopeOrganizationId);

        // Issue 6 loaners (R-EXE-7): a supplier's pool is its own; the platform sees every pool.
        builder.Entity<Domain.Loaners.LoanerUnit>().HasQueryFilter(u => ScopeSeesAll || u.SupplierId == ScopeOrganizationId);
        builder.Entity<Domain.Loaners.LoanerMovement>().HasQueryFilter(m => LoanerUnits.Any(u => u.Id == m.UnitId));
        // Issue 6 §5 return to factory and replacement (R-EXE-5, R-EXE-6): seen by whoever sees the work order.
        builder.Entity<Domain.WorkOrders.FactoryRepairRecord>().HasQueryFilter(r => WorkOrders.Any(w => w.Id == r.WorkOrderId));
        builder.Entity<Domain.WorkOrders.UnitReplacement>().HasQueryFilter(r => WorkOrders.Any(w => w.Id == r.WorkOrderId));
        // Maintenance (R-MNT-1): the supplier and the customer of a contract, plan or visit see it.
        builder.Entity<Domain.Maintenance.MaintenanceContract>().HasQueryFilter(c => ScopeSeesAll || c.SupplierId == ScopeOrganizationId || c.CustomerId == ScopeOrganizationId);
        builder.Entity<Domain.Maintenance.MaintenancePlan>().HasQueryFilter(p => ScopeSeesAll || p.SupplierId == ScopeOrganizationId || p.CustomerId == ScopeOrganizationId);
        builder.Entity<Domain.Maintenance.MaintenanceVisit>().HasQueryFilter(v => ScopeSeesAll || v.SupplierId == ScopeOrganizationId || v.CustomerId == ScopeOrganizationId);
    }

    private static readonly Type[] EnumsStoredByName =
    [
        typeof(PartyKind), typeof(OrderStatus), typeof(ServiceRequestStatus), typeof(ServiceType), typeof(ServiceMode),
        typeof(Urgency), typeof(RequestChannel), typeof(AttachmentKind), typeof(DeadlineKind), typeof(DeadlineParty),
        typeof(DeadlineState), typeof(DeadlineUnit), typeof(QuoteLineKind), typeof(FaultLevel), typeof(ServiceLevel), typeof(PenaltyAccount),
        typeof(LedgerEntryKind), typeof(NotificationKind),
    ];

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);
}
