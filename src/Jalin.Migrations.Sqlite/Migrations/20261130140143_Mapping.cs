using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Mapping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MappingRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingRounds_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MappingItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SubAffairCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Program = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReturnNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingItems_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappingItems_GovernmentAffairs_AffairCode",
                        column: x => x.AffairCode,
                        principalTable: "GovernmentAffairs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappingItems_MappingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MappingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappingItems_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MappingReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingReminders_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappingReminders_MappingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MappingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingRoundAgencies",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingRoundAgencies", x => new { x.RoundId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_MappingRoundAgencies_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MappingRoundAgencies_MappingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MappingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MappingItems_AffairCode_Kind_Status",
                table: "MappingItems",
                columns: new[] { "AffairCode", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MappingItems_AgencyId",
                table: "MappingItems",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingItems_RegionCode_Kind_Status",
                table: "MappingItems",
                columns: new[] { "RegionCode", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MappingItems_RoundId",
                table: "MappingItems",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingReminders_AgencyId_SentAt",
                table: "MappingReminders",
                columns: new[] { "AgencyId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MappingReminders_RoundId",
                table: "MappingReminders",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingRoundAgencies_AgencyId",
                table: "MappingRoundAgencies",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_MappingRounds_RegionCode_Year",
                table: "MappingRounds",
                columns: new[] { "RegionCode", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MappingItems");

            migrationBuilder.DropTable(
                name: "MappingReminders");

            migrationBuilder.DropTable(
                name: "MappingRoundAgencies");

            migrationBuilder.DropTable(
                name: "MappingRounds");
        }
    }
}
