using AfterSales.Data;
using AfterSales.Data.Identity;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Catalogue;
using AfterSales.Domain.Common;
using AfterSales.Domain.Orders;
using AfterSales.Domain.Organizations;
using AfterSales.Domain.Policies;
using AfterSales.Domain.ServiceRequests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Hosting;

/// <summary>
/// The demo data contract of API.md: a platform, two suppliers (B2B-platform preset, factory preset), a dealer
/// under the second, three customers, products, accepted and unaccepted orders, assets inside and outside
/// warranty, price-list items and the demo users (password Demo@2026). Dates are relative to the day of seeding
/// so "in warranty" stays true whenever the demo is first started. Idempotent: seeded once, in one transaction.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoData> logger, Features.Invoices.InvoiceDemoData invoiceDemo,
    Features.Parts.PartsDemoData partsDemo)
{
    public const string Password = "Demo@2026";
    public const string PlatformCode = "PLATFORM";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == PlatformCode, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = ServiceZone.DateOf(now);
        var presets = await db.ServicePolicies.IgnoreQueryFilters().Where(p => p.PresetKey != null && p.OwnerOrganizationId == null)
            .ToDictionaryAsync(p => p.PresetKey!, p => p.Id, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var platform = Org("PLATFORM", "企购购平台运营中心", PartyKind.Platform, "上海", "400-820-0000", now);
        var supplier = Org("SUP-HDJM", "华东精密机械有限公司", PartyKind.Supplier, "苏州", "0512-6688-1000", now);
        supplier.ChoosePolicy(presets[PolicyPresets.B2BPlatform]);
        var supplier2 = Org("SUP-ZSTW", "中山天伟电机电器有限公司", PartyKind.Supplier, "中山", "0760-8822-3000", now);
        supplier2.ChoosePolicy(presets[PolicyPresets.Factory]);
        var dealer = Org("DLR-FSSD", "佛山顺德机电经销服务部", PartyKind.Dealer, "佛山", "0757-2233-4455", now);
        dealer.PlaceUnderSupplier(supplier2);
        var customer = Org("CUS-SZHD", "苏州恒达制造有限公司", PartyKind.Customer, "苏州", "0512-6555-0101", now);
        var customer2 = Org("CUS-NBHC", "宁波海川科技有限公司", PartyKind.Customer, "宁波", "0574-8777-0202", now);
        var customer3 = Org("CUS-HZYJ", "杭州远景食品有限公司", PartyKind.Customer, "杭州", "0571-8666-0303", now);
        db.Organizations.AddRange(platform, supplier, supplier2, dealer, customer, customer2, customer3);

        var vmc = new Product(Id(now), supplier.Id, "VMC-850", "立式数控加工中心", ProductCategories.Equipment, specification: "行程 850×500×550 mm，主轴 8000 rpm");
        var plc = new Product(Id(now), supplier.Id, "PLC-200", "工业可编程控制器", ProductCategories.Equipment, specification: "24 路 I/O，以太网");
        var servo = new Product(Id(now), supplier.Id, "SM-15", "主轴伺服电机", ProductCategories.Parts, specification: "15 kW");
        var sensor = new Product(Id(now), supplier.Id, "TS-10", "温度传感器", ProductCategories.Parts, specification: "PT100，-50–300 ℃");
        var motor = new Product(Id(now), supplier2.Id, "Y2-160M", "三相异步电动机", ProductCategories.Equipment, specification: "11 kW，380 V");
        var bearing = new Product(Id(now), supplier2.Id, "BRG-6309", "电机轴承", ProductCategories.Parts);
        db.Products.AddRange(vmc, plc, servo, sensor, motor, bearing);

        var within = today.AddMonths(-8);
        var expired = today.AddMonths(-14);
        var recent = today.AddMonths(-3);

        var po1 = Order("PO-2026-0001", customer, supplier, null, within, now, (vmc, 1, 386000m, "B2026-03"), (plc, 2, 12500m, "B2026-03"), (servo, 1, 2000m, "S2026-01"));
        var po2 = Order("PO-2025-0007", customer, supplier, null, expired, now, (vmc, 1, 372000m, "B2025-06"));
        var po3 = Order("PO-2026-0008", customer, supplier, null, null, now, (plc, 3, 12500m, "B2026-09"));
        var po4 = Order("PO-2026-0003", customer2, supplier, null, recent, now, (vmc, 1, 388000m, "B2026-07"), (sensor, 10, 180m, "T2026-07"));
        var po5 = Order("PO-2026-0009", customer2, supplier, null, null, now, (sensor, 20, 180m, "T2026-10"));
        var po6 = Order("PO-2026-0101", customer3, supplier2, dealer, today.AddMonths(-5), now, (motor, 2, 6800m, "M2026-05"));
        po6.SetContractWarranty(18);
        db.PurchaseOrders.AddRange(po1, po2, po3, po4, po5, po6);

        var sites = new
        {
            Suzhou = new InstallationSite("苏州", "苏州工业园区星湖街 328 号 2 号厂房"),
            Ningbo = new InstallationSite("宁波", "宁波市北仑区新碶街道大港路 66 号"),
            Hangzhou = new InstallationSite("杭州", "杭州市余杭区良渚街道食品产业园 8 号"),
        };
        db.Assets.AddRange(
            Asset("EQ-0001", vmc, po1, 1, sites.Suzhou, within, "B2026-03"),
            Asset("EQ-0002", plc, po1, 2, sites.Suzhou, within, "B2026-03"),
            Asset("EQ-0003", plc, po1, 2, sites.Suzhou, within, "B2026-03"),
            Asset("PT-0001", servo, po1, 3, sites.Suzhou, within, "S2026-01"),
            Asset("EQ-0101", vmc, po2, 1, sites.Suzhou, expired, "B2025-06"),
            Asset("EQ-0801", plc, po3, 1, sites.Suzhou, null, "B2026-09"),
            Asset("EQ-0201", vmc, po4, 1, sites.Ningbo, recent, "B2026-07"),
            DealerAsset("MT-0001", motor, po6, dealer, sites.Hangzhou, today.AddMonths(-5), registeredAfterDays: 10),
            DealerAsset("MT-0002", motor, po6, dealer, sites.Hangzhou, today.AddMonths(-5), registeredAfterDays: null),

            // assets: a quantity line (R-AST-1) — the ten TS-10 sensors of PO-2026-0003 carry no serial of their own.
            Asset("TS-0201", sensor, po4, 2, sites.Ningbo, recent, "T2026-07", quantity: 10));

        var validFrom = today.AddMonths(-12);
        db.PriceListItems.AddRange(
            // Quotes feature (R-QUO-2): price bands and costs; a spindle assembly whose quote crosses the 50,000 agreement threshold (R-QUO-3).
            new PriceListItem(Id(now), supplier.Id, "P-SM15", "主轴伺服电机 SM-15", QuoteLineKind.Parts, "件", Domain.Money.Money.Yuan(2000m), validFrom, leadTimeDays: 15,
                minPrice: Domain.Money.Money.Yuan(1800m), maxPrice: Domain.Money.Money.Yuan(2200m), cost: Domain.Money.Money.Yuan(1500m)),
            new PriceListItem(Id(now), supplier.Id, "P-SPDL", "主轴总成 SPDL-850", QuoteLineKind.Parts, "套", Domain.Money.Money.Yuan(48000m), validFrom, leadTimeDays: 15,
                minPrice: Domain.Money.Money.Yuan(45000m), maxPrice: Domain.Money.Money.Yuan(52000m), cost: Domain.Money.Money.Yuan(39000m)),
            new PriceListItem(Id(now), supplier.Id, "P-TS10", "温度传感器 TS-10", QuoteLineKind.Parts, "件", Domain.Money.Money.Yuan(180m), validFrom, leadTimeDays: 3),
            new PriceListItem(Id(now), supplier.Id, "L-ENG", "工程师工时", QuoteLineKind.Labour, "小时", Domain.Money.Money.Yuan(300m), validFrom,
                minPrice: Domain.Money.Money.Yuan(250m), maxPrice: Domain.Money.Money.Yuan(350m)),
            new PriceListItem(Id(now), supplier.Id, "F-ONSITE", "上门服务费（市内）", QuoteLineKind.OnSiteFee, "次", Domain.Money.Money.Yuan(800m), validFrom),
            new PriceListItem(Id(now), supplier.Id, "T-KM", "差旅费（按公里）", QuoteLineKind.Travel, "公里", Domain.Money.Money.Yuan(3m), validFrom),
            new PriceListItem(Id(now), supplier.Id, "S-DIAG", "故障检测服务费", QuoteLineKind.Service, "次", Domain.Money.Money.Yuan(500m), validFrom),
            new PriceListItem(Id(now), supplier2.Id, "P-BRG6309", "电机轴承 6309", QuoteLineKind.Parts, "件", Domain.Money.Money.Yuan(85m), validFrom, leadTimeDays: 2),
            new PriceListItem(Id(now), supplier2.Id, "L-TECH", "维修工时", QuoteLineKind.Labour, "小时", Domain.Money.Money.Yuan(150m), validFrom));

        await db.SaveChangesAsync(cancellationToken);

        // Issue 4 invoices (R-FEE-1): one paid repair of customer2 taken to acceptance, invoiced, part paid and archived.
        var eq0201 = await db.Assets.IgnoreQueryFilters().SingleAsync(a => a.Serial == "EQ-0201", cancellationToken);
        await invoiceDemo.SeedAsync(db, po4, eq0201.Id, eq0201.Serial, presets[PolicyPresets.B2BPlatform], platform.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await User("platform", "王敏", platform, Roles.PlatformOperator);
        await User("admin", "李强", platform, Roles.PlatformAdmin);
        await User("supplier.agent", "赵丽", supplier, Roles.SupplierAgent);
        await User("supplier.engineer", "孙浩", supplier, Roles.SupplierEngineer);
        await User("supplier.manager", "周杰", supplier, Roles.SupplierManager);
        await User("supplier2.agent", "吴芳", supplier2, Roles.SupplierAgent);
        await User("dealer", "郑凯", dealer, Roles.DealerAgent);
        await User("customer", "张伟", customer, Roles.CustomerUser);
        await User("customer2", "陈静", customer2, Roles.CustomerUser);

        // Issue 6 (R-EXE-2): engineer profiles of 华东精密's field staff.
        await Features.WorkOrders.WorkOrderDemoData.SeedAsync(db, supplier.Id, now, cancellationToken);
        // Issue 6 spare parts (R-EXE-4): 华东精密's catalogue, warehouses (with 孙浩's van) and stock.
        await partsDemo.SeedAsync(db, supplier.Id, cancellationToken);
        Features.Loaners.LoanerDemoData.Seed(db, supplier.Id, now); // issue 6 loaners (R-EXE-7): 华东精密's pool
        // Issue 6 maintenance (R-MNT-1): a contract after warranty for EQ-0101 with one quarterly inspection plan.
        await Features.Maintenance.MaintenanceDemoData.SeedAsync(db, supplier.Id, customer.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo data seeded: 7 organisations, 9 users (password {Password}).", Password);

        Asset Asset(string serial, Product product, PurchaseOrder order, int line, InstallationSite site, DateOnly? acceptedOn, string batch, int quantity = 1)
        {
            var asset = new Asset(Id(now), serial, product.Id, order.Id, line, order.CustomerId, order.SupplierId, site, batch, quantity: quantity);
            if (acceptedOn is { } date)
            {
                asset.RecordAcceptance(date);
            }

            return asset;
        }

        Asset DealerAsset(string serial, Product product, PurchaseOrder order, Organization soldBy, InstallationSite site, DateOnly soldOn, int? registeredAfterDays)
        {
            var asset = Asset(serial, product, order, 1, site, soldOn, "M2026-05");
            asset.RecordDealerSale(soldBy.Id, soldOn);
            if (registeredAfterDays is { } days)
            {
                asset.RegisterWarrantyCard(soldOn.AddDays(days));
            }

            return asset;
        }

        async Task User(string userName, string displayName, Organization organization, string role)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = userName,
                DisplayName = displayName,
                OrganizationId = organization.Id,
                Email = $"{userName}@demo.aftersales.cn",
                EmailConfirmed = true,
                CreatedAt = now,
            };
            StartupTasks.Check(await users.CreateAsync(user, Password));
            StartupTasks.Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static Guid Id(DateTimeOffset now) => Guid.CreateVersion7(now);

    private static Organization Org(string code, string name, PartyKind kind, string city, string phone, DateTimeOffset now)
    {
        var organization = new Organization(Id(now), code, name, kind, now);
        organization.UpdateContact(city, phone);
        return organization;
    }

    private static PurchaseOrder Order(string number, Organization customer, Organization supplier, Organization? dealer, DateOnly? acceptedOn, DateTimeOffset now, params (Product Product, int Quantity, decimal UnitPrice, string Batch)[] lines)
    {
        var placedOn = (acceptedOn ?? ServiceZone.DateOf(now)).AddDays(-20);
        var order = new PurchaseOrder(Id(now), number, customer.Id, supplier.Id, ServiceZone.At(placedOn, new TimeOnly(10, 0)), dealerId: dealer?.Id);
        foreach (var (product, quantity, unitPrice, batch) in lines)
        {
            order.AddLine(product.Id, product.Model, quantity, Domain.Money.Money.Yuan(unitPrice), batch);
        }

        order.MarkDelivered();
        if (acceptedOn is { } date)
        {
            order.Accept(ServiceZone.At(date, new TimeOnly(15, 0)));
        }

        return order;
    }
}
