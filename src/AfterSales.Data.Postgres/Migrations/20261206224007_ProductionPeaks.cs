using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProductionPeaks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SiteProductionPeaks",
                table: "WorkOrders",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductionPeakHours",
                table: "Assets",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SiteProductionPeaks",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "ProductionPeakHours",
                table: "Assets");
        }
    }
}
