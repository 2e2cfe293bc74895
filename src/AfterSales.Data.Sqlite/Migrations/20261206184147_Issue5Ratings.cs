using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue5Ratings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupplierRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", nullable: false),
                    TimelinessPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    SatisfactionPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    ResolutionPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    ComputedGrade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SuspendedFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    SuspendedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    OverriddenFrom = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OverriddenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OverriddenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierRatings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRatings_Month",
                table: "SupplierRatings",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRatings_SupplierId_Month",
                table: "SupplierRatings",
                columns: new[] { "SupplierId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRatings_Suspension",
                table: "SupplierRatings",
                columns: new[] { "SupplierId", "SuspendedUntil" },
                filter: "\"SuspendedUntil\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupplierRatings");
        }
    }
}
