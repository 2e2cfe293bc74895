using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EvidenceAttachmentIds = table.Column<string>(type: "TEXT", nullable: false),
                    RuledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RuledByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RuledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
