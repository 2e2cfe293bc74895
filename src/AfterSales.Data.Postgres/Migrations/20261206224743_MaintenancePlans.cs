using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MaintenancePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MaintenanceContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FeeCny = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ServiceContent = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CoveredAssetIds = table.Column<string>(type: "text", nullable: false),
                    TerminatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TerminationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenancePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssetSerial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    FirstDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Items = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenancePlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportFiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportFiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReportOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    ReportItems = table.Column<string>(type: "text", nullable: false),
                    Findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceVisits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceContracts_CustomerId_CreatedAt",
                table: "MaintenanceContracts",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceContracts_Number",
                table: "MaintenanceContracts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceContracts_SupplierId_CreatedAt",
                table: "MaintenanceContracts",
                columns: new[] { "SupplierId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_ContractId",
                table: "MaintenancePlans",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_CustomerId_CreatedAt",
                table: "MaintenancePlans",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_Number",
                table: "MaintenancePlans",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_Status_FirstDueOn",
                table: "MaintenancePlans",
                columns: new[] { "Status", "FirstDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenancePlans_SupplierId_CreatedAt",
                table: "MaintenancePlans",
                columns: new[] { "SupplierId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceVisits_CustomerId_DueOn",
                table: "MaintenanceVisits",
                columns: new[] { "CustomerId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceVisits_PlanId_DueOn",
                table: "MaintenanceVisits",
                columns: new[] { "PlanId", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceVisits_RemindedAt_DueOn",
                table: "MaintenanceVisits",
                columns: new[] { "RemindedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceVisits_SupplierId_DueOn",
                table: "MaintenanceVisits",
                columns: new[] { "SupplierId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceVisits_WorkOrderId",
                table: "MaintenanceVisits",
                column: "WorkOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MaintenanceContracts");

            migrationBuilder.DropTable(
                name: "MaintenancePlans");

            migrationBuilder.DropTable(
                name: "MaintenanceVisits");
        }
    }
}
