using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SourceAgreementId",
                table: "Proposals",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EvaluatorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EvaluatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EvaluatorRole = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FollowUpProposalId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementEvaluations_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementEvaluations_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Weight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCriteria_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringRounds_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    EvaluatorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringAssignments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringAssignments_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitoringAssignments_TkksdMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "TkksdMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_SourceAgreementId",
                table: "Proposals",
                column: "SourceAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementEvaluations_AgreementId_EvaluatedOn",
                table: "AgreementEvaluations",
                columns: new[] { "AgreementId", "EvaluatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementEvaluations_RegionCode",
                table: "AgreementEvaluations",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementEvaluations_RoundId",
                table: "AgreementEvaluations",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCriteria_RegionCode_Order",
                table: "EvaluationCriteria",
                columns: new[] { "RegionCode", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAssignments_AgreementId",
                table: "MonitoringAssignments",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAssignments_EvaluatorUserId",
                table: "MonitoringAssignments",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAssignments_MemberId",
                table: "MonitoringAssignments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAssignments_RoundId_AgreementId",
                table: "MonitoringAssignments",
                columns: new[] { "RoundId", "AgreementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRounds_RegionCode_Year",
                table: "MonitoringRounds",
                columns: new[] { "RegionCode", "Year" });

            migrationBuilder.AddForeignKey(
                name: "FK_Proposals_Agreements_SourceAgreementId",
                table: "Proposals",
                column: "SourceAgreementId",
                principalTable: "Agreements",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Proposals_Agreements_SourceAgreementId",
                table: "Proposals");

            migrationBuilder.DropTable(
                name: "AgreementEvaluations");

            migrationBuilder.DropTable(
                name: "EvaluationCriteria");

            migrationBuilder.DropTable(
                name: "MonitoringAssignments");

            migrationBuilder.DropTable(
                name: "MonitoringRounds");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_SourceAgreementId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "SourceAgreementId",
                table: "Proposals");
        }
    }
}
