using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegionOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfferAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StageChangeId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferAnswers_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferAnswers_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartyDprdApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Needed = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotNeededReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyDprdApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyDprdApprovals_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartyDprdApprovals_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfferAnswers_AgreementId",
                table: "OfferAnswers",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferAnswers_RegionCode_AnsweredAt",
                table: "OfferAnswers",
                columns: new[] { "RegionCode", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyDprdApprovals_AgreementId_RegionCode",
                table: "PartyDprdApprovals",
                columns: new[] { "AgreementId", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartyDprdApprovals_RegionCode",
                table: "PartyDprdApprovals",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfferAnswers");

            migrationBuilder.DropTable(
                name: "PartyDprdApprovals");
        }
    }
}
