namespace Jalin.Core.Lifecycle;

/// <summary>The decisions of the addressed region's answer to an offer (<see cref="ActionCode.AnswerOffer"/>), as the API names them.</summary>
public static class OfferDecisions
{
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string Revise = "revise";

    public static readonly IReadOnlyList<string> All = [Accept, Decline, Revise];

    public static string Label(string decision) => decision switch
    {
        Accept => "diterima",
        Decline => "ditolak",
        Revise => "diminta perubahan",
        _ => decision,
    };
}
