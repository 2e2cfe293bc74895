using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue5CustomerSanctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerSanctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EvidenceAttachmentIds = table.Column<string>(type: "text", nullable: false),
                    RuledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RuledByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RuledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSanctions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSanctions_CustomerOrganizationId_RevokedAt_EndsAt",
                table: "CustomerSanctions",
                columns: new[] { "CustomerOrganizationId", "RevokedAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSanctions_RuledAt",
                table: "CustomerSanctions",
                column: "RuledAt");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSanctions_ServiceRequestId",
                table: "CustomerSanctions",
                column: "ServiceRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerSanctions");
        }
    }
}
