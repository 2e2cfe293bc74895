using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReturnToFactoryAndReplacement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReplacedAt",
                table: "Assets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacedBySerial",
                table: "Assets",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacesSerial",
                table: "Assets",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FactoryRepairRecords",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PickupDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PickupBookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PickupCarrier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PickupTracking = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PickedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivedAtFactoryAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RepairedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RepairWork = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TestResult = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TestPassed = table.Column<bool>(type: "boolean", nullable: true),
                    ShippedBackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnCarrier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReturnTracking = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    OldSerial = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ApprovalNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NewSerial = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    NewUnitDeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FaultyCarrier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FaultyTracking = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FaultyShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FaultyReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InspectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InspectionResult = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FaultConfirmed = table.Column<bool>(type: "boolean", nullable: true)
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
