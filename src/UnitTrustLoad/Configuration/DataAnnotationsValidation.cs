using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// DataAnnotations over the whole options tree, every failure reported with its configuration path
/// ("Load:Scenarios:journey:Simulations:0:Copies"), not just the first one.
/// </summary>
internal sealed class DataAnnotationsValidation : IValidateOptions<SuiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SuiteOptions options)
    {
        var failures = new List<string>();
        Walk(options, "", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Walk(object instance, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            failures.Add($"{ConfigurationShape.Name(Join(path, member))}: {result.ErrorMessage}");
        }

        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = property.GetValue(instance);
            var childPath = Join(path, property.Name);
            switch (value)
            {
                case null or string:
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Value is not null && IsOptionsClass(entry.Value.GetType()))
                        {
                            Walk(entry.Value, Join(childPath, entry.Key.ToString() ?? ""), failures);
                        }
                    }

                    break;
                case IList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is { } item && IsOptionsClass(item.GetType()))
                        {
                            Walk(item, Join(childPath, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), failures);
                        }
                    }

                    break;
                default:
                    if (IsOptionsClass(value.GetType()))
                    {
                        Walk(value, childPath, failures);
                    }

                    break;
            }
        }
    }

    private static bool IsOptionsClass(Type type) => type.IsClass && type != typeof(string) && type.Namespace is { } ns
        && ns.StartsWith("UnitTrustLoad", StringComparison.Ordinal);

    private static string Join(string path, string member) => path.Length == 0 ? member : member.Length == 0 ? path : $"{path}:{member}";
}
