using System.Text;
using Jalin.Core.Data;
using Jalin.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.PartnerPortal;

/// <summary>The mails a portal sender receives at the address they gave: the receipt with the tracking number and the
/// private status link, and a note when the region asks for more documents. Put in the outbox with the change itself;
/// the dispatcher clears a mail's text once it is sent, so the status link does not stay readable in the outbox.</summary>
public static class PortalMail
{
    public static OutgoingMail Receipt(PortalSubmission s, string regionName, string title, string token) =>
        new($"portal-receipt:{s.Id:N}", s.Email, s.ContactName, $"Tanda terima pengajuan {s.TrackingNumber} kepada {regionName}",
            new StringBuilder()
                .AppendLine($"Yth. {s.ContactName},").AppendLine($"{s.OrganizationName}").AppendLine()
                .AppendLine($"Pengajuan Anda \"{title}\" telah diterima oleh {regionName} melalui portal mitra Jalin.")
                .AppendLine($"Nomor pelacakan: {s.TrackingNumber}").AppendLine()
                .AppendLine("Ikuti keadaannya dan jawab permintaan dokumen dari daerah pada tautan pribadi di bawah. Simpan surel ini dan jangan")
                .AppendLine("meneruskan tautannya: siapa pun yang memegang tautan itu dapat melihat dan menjawab pengajuan Anda.")
                .AppendLine().AppendLine("—").AppendLine("Surel ini dikirim otomatis oleh Jalin. Jangan membalas surel ini; hubungi Bagian Kerja Sama daerah bila perlu.")
                .ToString(),
            Link: $"/mitra/status/{token}", RegionCode: s.RegionCode);

    public static OutgoingMail DocumentsRequested(PortalSubmission s, PortalRequest request, string regionName) =>
        new($"portal-request:{request.Id:N}", s.Email, s.ContactName, $"{regionName} meminta dokumen tambahan untuk pengajuan {s.TrackingNumber}",
            new StringBuilder()
                .AppendLine($"Yth. {s.ContactName},").AppendLine($"{s.OrganizationName}").AppendLine()
                .AppendLine($"{regionName} meminta dokumen atau keterangan tambahan untuk pengajuan {s.TrackingNumber}:").AppendLine()
                .AppendLine(request.Message).AppendLine()
                .AppendLine("Jawab permintaan ini melalui tautan pribadi status pengajuan yang Anda terima saat mengirim pengajuan")
                .AppendLine("(surel tanda terima). Demi keamanan, tautan itu tidak dikirim ulang.")
                .AppendLine().AppendLine("—").AppendLine("Surel ini dikirim otomatis oleh Jalin. Jangan membalas surel ini.")
                .ToString(),
            RegionCode: s.RegionCode);

    public static async Task<string> RegionNameAsync(JalinDb db, string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.FullName).FirstOrDefaultAsync(ct) ?? code;
}
