using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_OpenDue",
                table: "Deadlines");

            migrationBuilder.AddColumn<string>(
                name: "FaultLevel",
                table: "ServiceRequests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LoanerOwedSince",
                table: "ServiceRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderAmountCurrency",
                table: "ServiceRequests",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "OrderAmountMinor",
                table: "ServiceRequests",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ServiceLevel",
                table: "ServiceRequests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "Deadlines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextEscalationAt",
                table: "Deadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PausedAt",
                table: "Deadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pauses",
                table: "Deadlines",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WarnedAt",
                table: "Deadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Calendars",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AlwaysOpen = table.Column<bool>(type: "boolean", nullable: false),
                    WeeklyHours = table.Column<string>(type: "text", nullable: false),
                    Holidays = table.Column<string>(type: "text", nullable: false),
                    MakeUpWorkingDays = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounterpartyOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Account = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceRequestNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BreachId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeadlineKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RuleCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RuleId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WaivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WaivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WaiverReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    AmountCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DedupKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_EscalationDue",
                table: "Deadlines",
                column: "NextEscalationAt",
                filter: "\"NextEscalationAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_OpenDue",
                table: "Deadlines",
                column: "DueAt",
                filter: "\"ClosedAt\" IS NULL AND \"BreachRecordedAt\" IS NULL AND \"PausedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_WarningDue",
                table: "Deadlines",
                column: "WarningAt",
                filter: "\"ClosedAt\" IS NULL AND \"BreachRecordedAt\" IS NULL AND \"PausedAt\" IS NULL AND \"WarnedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_BreachId_RuleCode",
                table: "LedgerEntries",
                columns: new[] { "BreachId", "RuleCode" },
                unique: true,
                filter: "\"BreachId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_CounterpartyOrganizationId_CreatedAt",
                table: "LedgerEntries",
                columns: new[] { "CounterpartyOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrganizationId_CreatedAt",
                table: "LedgerEntries",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ServiceRequestId",
                table: "LedgerEntries",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_DedupKey",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "ReadAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Calendars");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_EscalationDue",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_OpenDue",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_WarningDue",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "FaultLevel",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "LoanerOwedSince",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "OrderAmountCurrency",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "OrderAmountMinor",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "ServiceLevel",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "NextEscalationAt",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "Pauses",
                table: "Deadlines");

            migrationBuilder.DropColumn(
                name: "WarnedAt",
                table: "Deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_OpenDue",
                table: "Deadlines",
                column: "DueAt",
                filter: "\"ClosedAt\" IS NULL AND \"BreachRecordedAt\" IS NULL");
        }
    }
}
