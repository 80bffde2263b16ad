using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using Jalin.Core.Agreements;
using Jalin.Core.Common;

namespace Jalin.Core.Tests.Common;

/// <summary>ModelAnnotations gives exactly what Validator.TryValidateObject gives (same errors, same members, same order) for
/// every input type of Jalin.Core that carries validation attributes, empty and filled with values that break the limits.</summary>
public sealed class ModelAnnotationsTests
{
    public static TheoryData<Type> InputTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var t in typeof(AgreementInput).Assembly.GetTypes()
                     .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters
                         && t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetCustomAttributes<ValidationAttribute>().Any()))
                     .OrderBy(t => t.FullName))
            data.Add(t);
        return data;
    }

    [Fact]
    public void There_are_many_input_types_to_compare() => Assert.True(InputTypes().Count > 20, $"{InputTypes().Count} types");

    [Theory]
    [MemberData(nameof(InputTypes))]
    public void Same_results_as_the_validator(Type type)
    {
        foreach (var fill in new Func<Type, object?>[] { _ => null, Long, Short })
        {
            var model = RuntimeHelpers.GetUninitializedObject(type);
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0))
                if (fill(p.PropertyType) is { } value) p.SetValue(model, value);
            var expected = new List<ValidationResult>();
            Validator.TryValidateObject(model, new ValidationContext(model), expected, validateAllProperties: true);
            var actual = ModelAnnotations.Validate(model);
            Assert.Equal(expected.Select(Text), actual.Select(Text));
        }
    }

    [Fact]
    public void An_invalid_agreement_input_gives_the_form_its_messages()
    {
        var errors = AgreementRules.Annotations(new AgreementInput { Title = "abc" }).ToList();
        Assert.Contains(("kind", "Jenis kerja sama wajib dipilih."), errors);
        Assert.Contains(("title", "Judul 5 sampai 500 karakter."), errors);
    }

    private static string Text(ValidationResult r) => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}";

    /// <summary>Values past the usual limits: long text (and a broken e-mail or URL), large and negative numbers.</summary>
    private static object? Long(Type t) => (Nullable.GetUnderlyingType(t) ?? t) switch
    {
        var s when s == typeof(string) => new string('x', 6000) + " @",
        var s when s == typeof(int) => int.MaxValue,
        var s when s == typeof(long) => long.MaxValue,
        var s when s == typeof(decimal) => -1m,
        var s when s == typeof(double) => -1d,
        _ => null,
    };

    private static object? Short(Type t) => (Nullable.GetUnderlyingType(t) ?? t) switch
    {
        var s when s == typeof(string) => "a",
        var s when s == typeof(int) => -5,
        var s when s == typeof(decimal) => 0m,
        _ => null,
    };
}
