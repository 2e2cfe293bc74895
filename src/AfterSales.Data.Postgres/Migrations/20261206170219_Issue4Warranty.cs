using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue4Warranty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FaultCode",
                table: "ServiceRequests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FaultOn",
                table: "ServiceRequests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JudgementBasis",
                table: "ServiceRequests",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CustomerCardIssuedOn",
                table: "Assets",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssetParts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ServicedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TermMonths = table.Column<int>(type: "integer", nullable: false),
                    WarrantyEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetParts_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_AssetId_FaultCode",
                table: "ServiceRequests",
                columns: new[] { "AssetId", "FaultCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetParts_AssetId",
                table: "AssetParts",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_AssetParts_ServiceRequestId",
                table: "AssetParts",
                column: "ServiceRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetParts");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_AssetId_FaultCode",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "FaultCode",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "FaultOn",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "JudgementBasis",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "CustomerCardIssuedOn",
                table: "Assets");
        }
    }
}
