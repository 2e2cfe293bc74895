using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RefusedAt",
                table: "UnitReplacements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusedBy",
                table: "UnitReplacements",
                type: "character varying(100)",
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
