using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Tkksd : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TkksdCriteria",
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
                    table.PrimaryKey("PK_TkksdCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TkksdCriteria_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TkksdTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    DecreeNumber = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    DecreeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TkksdTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TkksdTeams_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TkksdMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TkksdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TkksdMembers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TkksdMembers_TkksdTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "TkksdTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TkksdAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Scores = table.Column<string>(type: "text", nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Remarks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TkksdAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TkksdAssignments_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TkksdAssignments_TkksdMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "TkksdMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TkksdAssignments_MemberId",
                table: "TkksdAssignments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_TkksdAssignments_RegionCode",
                table: "TkksdAssignments",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_TkksdAssignments_SubjectType_SubjectId_MemberId",
                table: "TkksdAssignments",
                columns: new[] { "SubjectType", "SubjectId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TkksdCriteria_RegionCode_Order",
                table: "TkksdCriteria",
                columns: new[] { "RegionCode", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_TkksdMembers_AgencyId",
                table: "TkksdMembers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TkksdMembers_TeamId",
                table: "TkksdMembers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_TkksdMembers_UserId",
                table: "TkksdMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TkksdTeams_RegionCode_IsActive",
                table: "TkksdTeams",
                columns: new[] { "RegionCode", "IsActive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TkksdAssignments");

            migrationBuilder.DropTable(
                name: "TkksdCriteria");

            migrationBuilder.DropTable(
                name: "TkksdMembers");

            migrationBuilder.DropTable(
                name: "TkksdTeams");
        }
    }
}
