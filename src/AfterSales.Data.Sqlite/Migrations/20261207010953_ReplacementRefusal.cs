using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReplacementRefusal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "UnitReplacements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RefusedAt",
                table: "UnitReplacements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusedBy",
                table: "UnitReplacements",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "UnitReplacements");

            migrationBuilder.DropColumn(
                name: "RefusedAt",
                table: "UnitReplacements");

            migrationBuilder.DropColumn(
                name: "RefusedBy",
                table: "UnitReplacements");
        }
    }
}
