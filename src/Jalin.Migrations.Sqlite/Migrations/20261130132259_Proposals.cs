using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jalin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NumberYear = table.Column<int>(type: "INTEGER", nullable: false),
                    NumberSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AffairCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SubAffairCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnerRegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Background = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Aims = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Object = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TermMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    TermJustification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Benefits = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SocialImpact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EconomicImpact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnvironmentalImpact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BudgetedInApbd = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlanProgram = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PlanTarget = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Contact1Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact1Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact1Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Contact1Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact2Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact2Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact2Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Contact2Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AssessmentNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecommendedKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NotRegionalCooperation = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_GovernmentAffairs_AffairCode",
                        column: x => x.AffairCode,
                        principalTable: "GovernmentAffairs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Proposals_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalAttachments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalHistories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ActorRegionCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    ActorAgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalHistories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalHistories_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalAttachments_ProposalId",
                table: "ProposalAttachments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalHistories_ProposalId",
                table: "ProposalHistories",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AffairCode",
                table: "Proposals",
                column: "AffairCode");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AgencyId",
                table: "Proposals",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AgreementId",
                table: "Proposals",
                column: "AgreementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_RegionCode_NumberYear_NumberSequence",
                table: "Proposals",
                columns: new[] { "RegionCode", "NumberYear", "NumberSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_RegionCode_Status",
                table: "Proposals",
                columns: new[] { "RegionCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProposalAttachments");

            migrationBuilder.DropTable(
                name: "ProposalHistories");

            migrationBuilder.DropTable(
                name: "Proposals");
        }
    }
}
