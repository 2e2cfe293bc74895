using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Issue5Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ComplainantOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplainantParty = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FiledByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    FiledByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceRequestNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PersonUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RespondentSupplierId = table.Column<Guid>(type: "uuid", nullable: true),
                    RespondentDealerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DesiredOutcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerificationDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Responsibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    VerificationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StaffAtFaultUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    StaffAtFaultName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StaffAtFaultOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandlingNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Compensation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CompensationAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    FeedbackComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffSuspensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SuspendedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TrainedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Course = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Trainer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LiftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LiftedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSuspensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintSteps_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Number",
                table: "Complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ServiceRequestId",
                table: "Complaints",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_FiledAt",
                table: "Complaints",
                columns: new[] { "Status", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintSteps_ComplaintId_Sequence",
                table: "ComplaintSteps",
                columns: new[] { "ComplaintId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffSuspensions_UserId_LiftedAt",
                table: "StaffSuspensions",
                columns: new[] { "UserId", "LiftedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintSteps");

            migrationBuilder.DropTable(
                name: "StaffSuspensions");

            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
