using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReturnToFactoryAndReplacement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReplacedAt",
                table: "Assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacedBySerial",
                table: "Assets",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacesSerial",
                table: "Assets",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FactoryRepairRecords",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PickupDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PickupBookedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PickupCarrier = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PickupTracking = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PickedUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAtFactoryAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepairedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepairWork = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TestResult = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TestPassed = table.Column<bool>(type: "INTEGER", nullable: true),
                    ShippedBackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnCarrier = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReturnTracking = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactoryRepairRecords", x => x.WorkOrderId);
                    table.ForeignKey(
                        name: "FK_FactoryRepairRecords_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitReplacements",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OldSerial = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovalNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NewSerial = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    NewUnitDeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FaultyCarrier = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FaultyTracking = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FaultyShippedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FaultyReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectionResult = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FaultConfirmed = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitReplacements", x => x.WorkOrderId);
                    table.ForeignKey(
                        name: "FK_UnitReplacements_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FactoryRepairRecords_ServiceRequestId",
                table: "FactoryRepairRecords",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitReplacements_ServiceRequestId",
                table: "UnitReplacements",
                column: "ServiceRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FactoryRepairRecords");

            migrationBuilder.DropTable(
                name: "UnitReplacements");

            migrationBuilder.DropColumn(
                name: "ReplacedAt",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "ReplacedBySerial",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "ReplacesSerial",
                table: "Assets");
        }
    }
}
