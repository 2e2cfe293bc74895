using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue5Disputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Dispute",
                table: "ServiceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "JudgementDeemedAcceptedAt",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Dispute",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "JudgementDeemedAcceptedAt",
                table: "ServiceRequests");
        }
    }
}
