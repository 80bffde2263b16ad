using System.Net.Http.Json;
using Jalin.Web.Tests.Infrastructure;

namespace Jalin.Web.Tests.Security;

/// <summary>Issue #12 item 2: the authorization matrix rows of publication control. Whoever reads an agreement reads its
/// publication state; only the owning region's Bagian Kerja Sama officer publishes or withdraws it. The rows act on the
/// matrix's own unsigned KSDD (publishing it is refused with 409, withdrawing an unpublished agreement changes nothing), so
/// the demo's published agreements stay as they are.</summary>
public static class PublicationMatrix
{
    private const string V1 = "/api/v1";

    private static Func<AuthzWorld, string, Task<HttpRequestMessage>> Send(HttpMethod method, string path, object? body = null) => (w, _) =>
        Task.FromResult(new HttpRequestMessage(method, V1 + w.Fill(path)) { Content = body is null ? null : JsonContent.Create(body) });

    /// <summary>A fresh unsigned KSDD Cimahi–Garut led by Cimahi's DLH (the world's "shared" KSDD gets a signed addendum from
    /// other rows, which makes it publishable).</summary>
    private static async Task UnsignedAsync(AuthzWorld w)
    {
        if (w.Ids.ContainsKey("pubUnsigned")) return;
        var id = await w.Client("officer").CreateAgreement(new
        {
            kind = "KsddSukarela", title = "Uji matriks publikasi: kerja sama yang belum ditandatangani", leadAgencyId = w.Ids["dlhAgency"],
            budgetedInApbd = true, parties = new[] { new { regionCode = "32.05" } },
        });
        w.Ids["pubUnsigned"] = id.ToString();
    }

    public static readonly MatrixRow[] Rows =
    [
        new("GET publication of demo KSDD Cimahi–Garut", "404; officer,tkksd,leader,auditor,prov,nat,garut=2xx admin=403",
            Send(HttpMethod.Get, "/agreements/{demoKsdd}/publication")),
        new("PUT publication of an unsigned KSDD (refused: not signed)", "404; officer=409 tkksd,leader,auditor,opd,prov,nat,garut=403",
            Send(HttpMethod.Put, "/agreements/{pubUnsigned}/publication", new { confidentialFields = new[] { "value" }, publicDocumentIds = Array.Empty<Guid>() }), UnsignedAsync),
        new("DELETE publication of an unpublished KSDD", "404; officer=2xx tkksd,leader,auditor,opd,prov,nat,garut=403",
            Send(HttpMethod.Delete, "/agreements/{pubUnsigned}/publication"), UnsignedAsync),
    ];

    /// <summary>Every publication endpoint → the matrix row that covers it.</summary>
    public static readonly Dictionary<string, string> EndpointRows = new()
    {
        ["GET /api/v1/agreements/{id:guid}/publication/"] = "GET publication of demo KSDD Cimahi–Garut",
        ["PUT /api/v1/agreements/{id:guid}/publication/"] = "PUT publication of an unsigned KSDD (refused: not signed)",
        ["DELETE /api/v1/agreements/{id:guid}/publication/"] = "DELETE publication of an unpublished KSDD",
    };
}
