using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ForeignDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualActivityPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Rows = table.Column<string>(type: "text", nullable: false),
                    DocumentSource = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FinalizedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalizedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualActivityPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualActivityPlans_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnualActivityPlans_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExtensionDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    WillExtend = table.Column<bool>(type: "boolean", nullable: false),
                    LetterNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AddressedTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Copies = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionDecisions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExtensionDecisions_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ForeignSupervisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    SupervisorRegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Mode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Recommendations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FollowUpRequested = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ScheduledBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RegionAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForeignSupervisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForeignSupervisions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ForeignSupervisions_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualActivityPlans_AgreementId_Year",
                table: "AnnualActivityPlans",
                columns: new[] { "AgreementId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualActivityPlans_RegionCode",
                table: "AnnualActivityPlans",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionDecisions_AgreementId",
                table: "ExtensionDecisions",
                column: "AgreementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionDecisions_RegionCode",
                table: "ExtensionDecisions",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ForeignSupervisions_AgreementId_PlannedOn",
                table: "ForeignSupervisions",
                columns: new[] { "AgreementId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ForeignSupervisions_RegionCode",
                table: "ForeignSupervisions",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ForeignSupervisions_SupervisorRegionCode_PlannedOn",
                table: "ForeignSupervisions",
                columns: new[] { "SupervisorRegionCode", "PlannedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualActivityPlans");

            migrationBuilder.DropTable(
                name: "ExtensionDecisions");

            migrationBuilder.DropTable(
                name: "ForeignSupervisions");
        }
    }
}
