using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Jalin.Core.Common;

/// <summary>The results <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}, bool)"/>
/// gives with all properties validated, without its cost per call: the properties, their attributes and display names are
/// read once per type, and one <see cref="ValidationContext"/> serves a whole object. The validator itself builds a
/// context per property and reads attributes through TypeDescriptor on every call, which was a third of checking a
/// 10,000-row register. Same order, same rule: a property's [Required] is checked first and, when it fails, alone. A type
/// with class-level validation attributes or <see cref="IValidatableObject"/> goes to the validator itself.</summary>
public static class ModelAnnotations
{
    private sealed record Rule(string Name, string DisplayName, Func<object, object?> Get, RequiredAttribute? Required, ValidationAttribute[] Others);

    private sealed record TypeRules(Rule[] Properties, bool UseValidator);

    private static readonly ConcurrentDictionary<Type, TypeRules> Cache = new();

    public static List<ValidationResult> Validate(object model)
    {
        var results = new List<ValidationResult>();
        var rules = Cache.GetOrAdd(model.GetType(), For);
        if (rules.UseValidator)
        {
            Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
            return results;
        }
        var context = new ValidationContext(model);
        foreach (var rule in rules.Properties)
        {
            var value = rule.Get(model);
            context.MemberName = rule.Name;
            context.DisplayName = rule.DisplayName;
            if (rule.Required is { } required && required.GetValidationResult(value, context) is { } missing)
            {
                results.Add(missing);
                continue;
            }
            foreach (var attribute in rule.Others)
                if (attribute.GetValidationResult(value, context) is { } error) results.Add(error);
        }
        return results;
    }

    private static TypeRules For(Type type)
    {
        var classLevel = TypeDescriptor.GetAttributes(type).OfType<ValidationAttribute>().Any();
        if (classLevel || typeof(IValidatableObject).IsAssignableFrom(type)) return new([], true);
        var rules = new List<Rule>();
        foreach (PropertyDescriptor p in TypeDescriptor.GetProperties(type))
        {
            var attributes = p.Attributes.OfType<ValidationAttribute>().ToArray();
            if (attributes.Length == 0) continue;
            // As ValidationContext names a property: its [Display(Name)] or else the property's name.
            var display = p.Attributes.OfType<DisplayAttribute>().FirstOrDefault()?.GetName() ?? p.Name;
            var info = type.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance);
            Func<object, object?> get = info?.GetMethod is { } getter && getter.GetParameters().Length == 0 ? o => info.GetValue(o) : p.GetValue;
            var required = attributes.OfType<RequiredAttribute>().FirstOrDefault();
            rules.Add(new Rule(p.Name, display, get, required, [.. attributes.Where(a => !ReferenceEquals(a, required))]));
        }
        return new([.. rules], false);
    }
}
