using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue6WorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EngineerProfiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BaseCity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CalendarId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Certificates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineerProfiles", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequestNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequiredSkill = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RequiredCertificate = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SiteCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SiteAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SiteAccess = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ScheduledStart = table.Column<long>(type: "INTEGER", nullable: true),
                    ScheduledEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    AssigneeUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssigneeBaseCity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivalDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LateMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    RemoteToolLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AuthorizedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorizedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TestRunHours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    TestRunResult = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Prevention = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignatureAttachmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConfirmationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowUpOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderEntries_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngineerProfiles_OrganizationId",
                table: "EngineerProfiles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderEntries_WorkOrderId_Sequence",
                table: "WorkOrderEntries",
                columns: new[] { "WorkOrderId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_AssigneeUserId_Status",
                table: "WorkOrders",
                columns: new[] { "AssigneeUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Number",
                table: "WorkOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ServiceRequestId",
                table: "WorkOrders",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_SupplierId_Status",
                table: "WorkOrders",
                columns: new[] { "SupplierId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngineerProfiles");

            migrationBuilder.DropTable(
                name: "WorkOrderEntries");

            migrationBuilder.DropTable(
                name: "WorkOrders");
        }
    }
}
