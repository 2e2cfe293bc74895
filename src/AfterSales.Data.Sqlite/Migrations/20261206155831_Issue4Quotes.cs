using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue4Quotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemoteAuthorization",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceAgreement",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CostMinor",
                table: "PriceListItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MaxPriceCurrency",
                table: "PriceListItems",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "MaxPriceMinor",
                table: "PriceListItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "MinPriceCurrency",
                table: "PriceListItems",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "MinPriceMinor",
                table: "PriceListItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RetiredAt",
                table: "PriceListItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "PriceListItems",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // R-QUO-2: an item published before price bands existed keeps its list price as its whole band.
            migrationBuilder.Sql("UPDATE \"PriceListItems\" SET \"MinPriceMinor\" = \"UnitPriceMinor\", \"MaxPriceMinor\" = \"UnitPriceMinor\", \"MinPriceCurrency\" = \"UnitPriceCurrency\", \"MaxPriceCurrency\" = \"UnitPriceCurrency\";");

            migrationBuilder.CreateTable(
                name: "ConfidentialityAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialityAgreements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialityAgreements_CustomerId_SupplierId",
                table: "ConfidentialityAgreements",
                columns: new[] { "CustomerId", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialityAgreements_SupplierId",
                table: "ConfidentialityAgreements",
                column: "SupplierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConfidentialityAgreements");

            migrationBuilder.DropColumn(
                name: "RemoteAuthorization",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "ServiceAgreement",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "CostMinor",
                table: "PriceListItems");

            migrationBuilder.DropColumn(
                name: "MaxPriceCurrency",
                table: "PriceListItems");

            migrationBuilder.DropColumn(
                name: "MaxPriceMinor",
                table: "PriceListItems");

            migrationBuilder.DropColumn(
                name: "MinPriceCurrency",
                table: "PriceListItems");

            migrationBuilder.DropColumn(
                name: "MinPriceMinor",
                table: "PriceListItems");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "PriceListItems");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "PriceListItems");
        }
    }
}
