using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Inputs = table.Column<string>(type: "text", nullable: false),
                    TimelinessPercent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    SatisfactionPercent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    ResolutionPercent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    ComputedGrade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    Grade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ComputedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SuspendedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SuspendedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverriddenFrom = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OverriddenBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OverriddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
