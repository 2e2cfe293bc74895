using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue6Parts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DamageReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShipmentNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PhotoAttachmentIds = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DamageReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OldPartReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReservationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PartName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReturnBatch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AppraisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AppraisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AppraisalNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StoreroomWarehouseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OldPartReturns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BatchNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QuantityReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecalledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecallReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartReservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PartName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WarehouseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StockLevelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReservedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReservedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsumedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartReservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartShipments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FreightPayer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FreightBasis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShippedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ModelMatches = table.Column<bool>(type: "INTEGER", nullable: true),
                    QuantityReceived = table.Column<int>(type: "INTEGER", nullable: true),
                    Damaged = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReceiptNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartShipments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReplenishmentOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    WarehouseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpectedArrivalOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BatchNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplenishmentOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SamplingPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchesInQuarter = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplingPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpareParts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompatibleModels = table.Column<string>(type: "TEXT", nullable: false),
                    IsCustom = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeadTimeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Specification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpareParts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockLevels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WarehouseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BatchNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OnHand = table.Column<int>(type: "INTEGER", nullable: false),
                    Reserved = table.Column<int>(type: "INTEGER", nullable: false),
                    Blocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockLevels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StockTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BatchNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FromWarehouseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToWarehouseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockTransfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warehouses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warehouses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SamplingItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BatchNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplingItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamplingItems_SamplingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SamplingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DamageReports_ShipmentId",
                table: "DamageReports",
                column: "ShipmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DamageReports_SupplierId_Status",
                table: "DamageReports",
                columns: new[] { "SupplierId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OldPartReturns_ReservationId",
                table: "OldPartReturns",
                column: "ReservationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OldPartReturns_SupplierId_Status",
                table: "OldPartReturns",
                columns: new[] { "SupplierId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PartBatches_PartId_BatchNumber",
                table: "PartBatches",
                columns: new[] { "PartId", "BatchNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartBatches_SupplierId_ReceivedAt",
                table: "PartBatches",
                columns: new[] { "SupplierId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartReservations_ServiceRequestId",
                table: "PartReservations",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PartReservations_StockLevelId",
                table: "PartReservations",
                column: "StockLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_PartReservations_WorkOrderId",
                table: "PartReservations",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PartShipments_CustomerId_ShippedAt",
                table: "PartShipments",
                columns: new[] { "CustomerId", "ShippedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartShipments_Number",
                table: "PartShipments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartShipments_ServiceRequestId",
                table: "PartShipments",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PartShipments_SupplierId_ShippedAt",
                table: "PartShipments",
                columns: new[] { "SupplierId", "ShippedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReplenishmentOrders_Number",
                table: "ReplenishmentOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReplenishmentOrders_SupplierId_Status",
                table: "ReplenishmentOrders",
                columns: new[] { "SupplierId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SamplingItems_BatchId",
                table: "SamplingItems",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplingItems_PlanId_Sequence",
                table: "SamplingItems",
                columns: new[] { "PlanId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SamplingPlans_SupplierId_Year_Quarter",
                table: "SamplingPlans",
                columns: new[] { "SupplierId", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpareParts_SupplierId_PartNumber",
                table: "SpareParts",
                columns: new[] { "SupplierId", "PartNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockLevels_PartId_BatchNumber",
                table: "StockLevels",
                columns: new[] { "PartId", "BatchNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLevels_SupplierId_PartNumber",
                table: "StockLevels",
                columns: new[] { "SupplierId", "PartNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLevels_WarehouseId_PartId_BatchNumber",
                table: "StockLevels",
                columns: new[] { "WarehouseId", "PartId", "BatchNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockTransfers_SupplierId_At",
                table: "StockTransfers",
                columns: new[] { "SupplierId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Warehouses_SupplierId_Code",
                table: "Warehouses",
                columns: new[] { "SupplierId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DamageReports");

            migrationBuilder.DropTable(
                name: "OldPartReturns");

            migrationBuilder.DropTable(
                name: "PartBatches");

            migrationBuilder.DropTable(
                name: "PartReservations");

            migrationBuilder.DropTable(
                name: "PartShipments");

            migrationBuilder.DropTable(
                name: "ReplenishmentOrders");

            migrationBuilder.DropTable(
                name: "SamplingItems");

            migrationBuilder.DropTable(
                name: "SpareParts");

            migrationBuilder.DropTable(
                name: "StockLevels");

            migrationBuilder.DropTable(
                name: "StockTransfers");

            migrationBuilder.DropTable(
                name: "Warehouses");

            migrationBuilder.DropTable(
                name: "SamplingPlans");
        }
    }
}
