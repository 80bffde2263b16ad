namespace Jalin.Core.Common;

/// <summary>An expected failure of a use case. The API maps each kind once to ProblemDetails;
/// Blazor pages show <see cref="Message"/>. Messages are Bahasa Indonesia.</summary>
public abstract record Error(string Code, string Message);

public sealed record NotFoundError(string Message) : Error("tidak_ditemukan", Message);

public sealed record ForbiddenError(string Message) : Error("tidak_berwenang", Message);

/// <summary>An agency (OPD) user opened an agreement of its own region that another OPD leads: it is
/// told only which OPD holds it, nothing of the record itself (403, not 404: the record exists in the
/// user's own government, and "not found" would send them looking for a mistake that is not there).</summary>
public sealed record OtherAgencyError(string Message, string? OwningAgency) : Error("milik_opd_lain", Message);

public sealed record ConflictError(string Message) : Error("konflik", Message);

/// <summary>Input that breaks a rule; <see cref="Fields"/> maps a field name (camelCase, as in
/// the API body) to its Indonesian messages.</summary>
public sealed record ValidationError(string Message, IReadOnlyDictionary<string, string[]> Fields)
    : Error("tidak_valid", Message)
{
    public static ValidationError Of(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });
}

public readonly struct Result<T>
{
    private Result(T? value, Error? error) { Value = value; Error = error; }

    public T? Value { get; }
    public Error? Error { get; }
    public bool Ok => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);

    public TOut Match<TOut>(Func<T, TOut> ok, Func<Error, TOut> failed) => Ok ? ok(Value!) : failed(Error!);
}

public sealed record Unit
{
    public static readonly Unit Value = new();
}

public sealed record TooLargeError(string Message) : Error("terlalu_besar", Message);

/// <summary>A server-side service the use case needs (e.g. LibreOffice for PDF) is missing, failed or timed out.</summary>
public sealed record ServiceUnavailableError(string Message) : Error("layanan_tidak_tersedia", Message);

public static class ResultExtensions
{
    extension<T>(Result<T>)
    {
        public static Result<T> From(T value) => value;
    }
}

/// <summary>A shared server resource (the PDF converter's queue) is busy or the user has used up
/// their share of it for now; the caller may retry later (429).</summary>
public sealed record TooManyRequestsError(string Message) : Error("terlalu_banyak_permintaan", Message);
