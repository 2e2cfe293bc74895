using AfterSales.Data;
using AfterSales.Domain.Parts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// Demo spare parts of 华东精密 (issue 6, R-EXE-4): a main board and a spindle bearing for the VMC-850 and a custom
/// control module for the PLC-200 (15 days, disclosed), a central warehouse, 孙浩's van and an old-parts storeroom,
/// with stock received a few weeks ago so this quarter has batches to sample (R-KPI-4).
/// </summary>
public sealed class PartsDemoData(TimeProvider clock)
{
    public async Task SeedAsync(AppDbContext db, Guid supplierId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var engineer = await db.Users.Where(u => u.UserName == "supplier.engineer").Select(u => new { u.Id, u.DisplayName }).SingleAsync(cancellationToken);
        var board = SparePart.Define(Guid.CreateVersion7(now), supplierId, "MB-850", "主控板", "华东精密", ["VMC-850"], false, 5, "VMC-850 数控系统主控板", now);
        var bearing = SparePart.Define(Guid.CreateVersion7(now), supplierId, "SB-850", "主轴轴承", "NSK", ["VMC-850"], false, 3, "7014C 角接触球轴承", now);
        var module = SparePart.Define(Guid.CreateVersion7(now), supplierId, "CM-200", "定制控制模块", "华东精密", ["PLC-200"], true, 15, "按客户 I/O 配置定制", now);
        db.SpareParts.AddRange(board, bearing, module);

        var central = Warehouse.Define(Guid.CreateVersion7(now), supplierId, "WH-SZ", "苏州中心仓", WarehouseKind.Central, null, "苏州", now);
        var van = Warehouse.Define(Guid.CreateVersion7(now), supplierId, "VAN-SH", $"{engineer.DisplayName}随车库存", WarehouseKind.Van, (engineer.Id, engineer.DisplayName), "苏州", now);
        var storeroom = Warehouse.Define(Guid.CreateVersion7(now), supplierId, "OLD-SZ", "旧件库房", WarehouseKind.Storeroom, null, "苏州", now);
        db.Warehouses.AddRange(central, van, storeroom);

        Stock(board, central, "B2026-10", 8, now.AddDays(-20));
        Stock(board, van, "B2026-10", 2, now.AddDays(-20));
        Stock(bearing, central, "B2026-11", 20, now.AddDays(-10));

        void Stock(SparePart part, Warehouse warehouse, string batchNumber, int quantity, DateTimeOffset receivedAt)
        {
            var line = new StockLevel(Guid.CreateVersion7(receivedAt), supplierId, warehouse.Id, part.Id, part.PartNumber, batchNumber);
            line.Receive(quantity);
            db.StockLevels.Add(line);
            var batch = db.PartBatches.Local.SingleOrDefault(b => b.PartId == part.Id && b.BatchNumber == batchNumber);
            if (batch is null)
            {
                batch = new PartBatch(Guid.CreateVersion7(receivedAt), supplierId, part.Id, part.PartNumber, batchNumber, receivedAt);
                db.PartBatches.Add(batch);
            }

            batch.AddReceived(quantity);
        }
    }
}
