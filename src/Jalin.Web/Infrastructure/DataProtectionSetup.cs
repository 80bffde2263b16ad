using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Jalin.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Jalin.Web.Infrastructure;

/// <summary>ASP.NET Data Protection (cookies, bearer tokens, protected TOTP secrets): its key ring
/// is persisted to <c>DataProtection:KeysDirectory</c> (or the database when unset) and encrypted at
/// rest with a certificate (<c>DataProtection:CertificatePath</c> + <c>CertificatePassword</c>,
/// ProtectKeysWithCertificate) or, on Linux without a certificate store, an AES-256-GCM key from
/// configuration (<c>DataProtection:Key</c>, base64 32 bytes). Production refuses unencrypted keys;
/// elsewhere they are accepted with a warning.</summary>
public static class DataProtectionSetup
{
    public static WebApplicationBuilder AddJalinDataProtection(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dp = builder.Services.AddDataProtection().SetApplicationName("Jalin");
        if (config["DataProtection:KeysDirectory"] is { Length: > 0 } dir)
            dp.PersistKeysToFileSystem(Directory.CreateDirectory(dir));
        else
            dp.PersistKeysToDbContext<JalinDb>();

        if (config["DataProtection:CertificatePath"] is { Length: > 0 } certPath)
        {
            if (!File.Exists(certPath)) throw new InvalidOperationException($"Sertifikat Data Protection tidak ditemukan: {certPath} (DataProtection:CertificatePath).");
            var cert = X509CertificateLoader.LoadPkcs12FromFile(certPath, config["DataProtection:CertificatePassword"]);
            dp.ProtectKeysWithCertificate(cert);
        }
        else if (config["DataProtection:Key"] is { Length: > 0 } key)
        {
            var bytes = AesGcmXmlEncryptor.ParseKey(key);
            builder.Services.AddSingleton(new DataProtectionKeyEncryptionKey(bytes));
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(bytes));
        }
        else if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Kunci Data Protection harus dienkripsi saat disimpan di Production: atur DataProtection__CertificatePath (berkas .pfx) " +
                "dan DataProtection__CertificatePassword, atau DataProtection__Key (base64 32 bita, mis. `openssl rand -base64 32`).");
        }
        else
        {
            builder.Services.AddHostedService<UnencryptedKeysWarning>();
        }
        return builder;
    }

    private sealed class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log.LogWarning("Kunci Data Protection disimpan TANPA enkripsi (hanya untuk pengembangan). Di Production atur DataProtection:CertificatePath atau DataProtection:Key.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The AES-256 key that encrypts the Data Protection key ring at rest.</summary>
public sealed record DataProtectionKeyEncryptionKey(byte[] Key);

/// <summary>Encrypts each Data Protection key element with AES-256-GCM under a key from configuration.</summary>
public sealed class AesGcmXmlEncryptor(byte[] key) : IXmlEncryptor
{
    public static byte[] ParseKey(string base64)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException("DataProtection:Key bukan base64 yang sah."); }
        if (bytes.Length != 32) throw new InvalidOperationException("DataProtection:Key harus 32 bita (base64, mis. `openssl rand -base64 32`).");
        return bytes;
    }

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("encryptedKey",
            new XComment(" Dienkripsi AES-256-GCM dengan DataProtection:Key "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Reads what <see cref="AesGcmXmlEncryptor"/> wrote (activated by Data Protection with the service provider).</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<DataProtectionKeyEncryptionKey>()?.Key
            ?? throw new InvalidOperationException("Kunci Data Protection terenkripsi, tetapi DataProtection:Key tidak dikonfigurasi.");
        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonce = data.AsSpan(0, 12);
        var tag = data.AsSpan(12, 16);
        var cipher = data.AsSpan(28);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key, 16)) aes.Decrypt(nonce, cipher, tag, plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
