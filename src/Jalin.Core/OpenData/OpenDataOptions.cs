namespace Jalin.Core.OpenData;

/// <summary>Configuration section <c>OpenData</c>: how this instance identifies and licenses its open data (issue #12
/// item 4). A deployment registers its own OCDS prefix with the Open Contracting Partnership ("ocds-" followed by six
/// characters) and sets it here; the default is a placeholder.</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>OCDS prefix: "ocds-" + six characters registered with the Open Contracting Partnership.</summary>
    public string OcidPrefix { get; set; } = "ocds-jalin0";
    public string LicenceName { get; set; } = "CC BY 4.0";
    public string Licence { get; set; } = "https://creativecommons.org/licenses/by/4.0/";
    /// <summary>The publisher named in the packages; null: "Jalin" with the instance's address.</summary>
    public string? PublisherName { get; set; }
    public string? PublisherUri { get; set; }
    /// <summary>The portal's public address for absolute links (e.g. "https://kerjasama.cimahikota.go.id"); null: the request's.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Who to write to about the open data (shown on the policy page).</summary>
    public string? ContactEmail { get; set; }

    public string OcidOf(Guid agreementId) => $"{OcidPrefix}-{agreementId}";

    /// <summary>The agreement id of an ocid of this instance, or null.</summary>
    public Guid? AgreementIdOf(string? ocid) =>
        ocid is not null && ocid.StartsWith(OcidPrefix + "-", StringComparison.Ordinal) && Guid.TryParse(ocid[(OcidPrefix.Length + 1)..], out var id) ? id : null;
}
