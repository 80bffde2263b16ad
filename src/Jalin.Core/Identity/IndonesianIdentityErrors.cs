using Microsoft.AspNetCore.Identity;

namespace Jalin.Core.Identity;

/// <summary>Identity's messages in Bahasa Indonesia.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Kata sandi paling sedikit {length} karakter." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Kata sandi harus memuat huruf besar." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Kata sandi harus memuat huruf kecil." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Kata sandi harus memuat angka." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Kata sandi harus memuat simbol (misalnya # atau !)." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Kata sandi harus memuat paling sedikit {uniqueChars} karakter berbeda." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Nama pengguna '{userName}' sudah dipakai." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "Nama pengguna tidak valid." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Kata sandi salah." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Kode tidak valid." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Data pengguna diubah orang lain. Muat ulang lalu ulangi." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Terjadi kesalahan." };
}
