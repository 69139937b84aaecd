using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// Checks the raw configuration against the options classes before binding: unknown keys and values that cannot convert
/// are all collected (the binder would stop at the first, or silently ignore unknown keys). Runs once at start.
/// </summary>
internal static class ConfigurationShape
{
    /// <summary>
    /// Adds every problem to <paramref name="problems"/> and returns the paths of the values the binder cannot take, so
    /// the rest can still be bound and validated in the same pass.
    /// </summary>
    public static HashSet<string> Check(IConfiguration configuration, Type rootType, List<string> problems)
    {
        var unusable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        CheckSection(configuration.GetChildren(), rootType, new Found(problems, unusable));
        return unusable;
    }

    /// <summary>
    /// <paramref name="configuration"/> without the values at <paramref name="unusable"/> paths (and below them), for
    /// binding: those keep their defaults, and their problems are already reported.
    /// </summary>
    public static IConfiguration Without(IConfiguration configuration, HashSet<string> unusable)
    {
        if (unusable.Count == 0)
        {
            return configuration;
        }

        var kept = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null && !IsUnder(key, unusable))
            {
                kept[key] = value;
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
    }

    private static bool IsUnder(string key, HashSet<string> paths)
    {
        for (var end = key.Length; end > 0; end = key.LastIndexOf(':', end - 1))
        {
            if (paths.Contains(key[..end]))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Found(List<string> Problems, HashSet<string> Unusable)
    {
        public void Add(string path, string problem)
        {
            Problems.Add(problem);
            Unusable.Add(path);
        }
    }

    private static void CheckSection(IEnumerable<IConfigurationSection> children, Type type, Found problems)
    {
        foreach (var child in children)
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                problems.Problems.Add($"{Name(child.Path)}: unknown setting. Known settings here: {KnownNames(type)}.");
                continue;
            }

            CheckValue(child, property.PropertyType, problems);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type declared, Found problems)
    {
        var nullable = Nullable.GetUnderlyingType(declared);
        var type = nullable ?? declared;
        var children = section.GetChildren().ToList();

        if (IsLeaf(type))
        {
            if (children.Count > 0)
            {
                problems.Add(section.Path, $"{Name(section.Path)}: expects a single value, not a section.");
                return;
            }

            var value = section.Value;
            if (string.IsNullOrEmpty(value))
            {
                if (type.IsValueType && nullable is null)
                {
                    problems.Add(section.Path, $"{Name(section.Path)}: needs a value ({Describe(type)}).");
                }

                return;
            }

            if (!CanConvert(value, type, out var reason))
            {
                problems.Add(section.Path, reason is null
                    ? $"{Name(section.Path)}: '{value}' is not {Describe(type)}."
                    : $"{Name(section.Path)}: {reason}.");
            }

            return;
        }

        if (children.Count == 0)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                problems.Add(section.Path, $"{Name(section.Path)}: expects a section, not the value '{section.Value}'.");
            }

            return;
        }

        var element = ElementType(type, out var isDictionary);
        if (element is null)
        {
            CheckSection(children, type, problems);
            return;
        }

        foreach (var child in children)
        {
            if (!isDictionary && !int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                problems.Add(child.Path, $"{Name(child.Path)}: '{child.Key}' is not a list index; this setting is a list.");
                continue;
            }

            CheckValue(child, element, problems);
        }
    }

    private static Type? ElementType(Type type, out bool isDictionary)
    {
        isDictionary = false;
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>))
            {
                return type.GetGenericArguments()[0];
            }

            if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>))
            {
                isDictionary = true;
                return type.GetGenericArguments()[1];
            }
        }

        return null;
    }

    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid)
            || type == typeof(DurationRange);

    private static bool CanConvert(string value, Type type, out string? reason)
    {
        reason = null;
        try
        {
            var converter = TypeDescriptor.GetConverter(type);
            _ = converter.ConvertFromInvariantString(value);
            return true;
        }
        catch (FormatException ex) when (type == typeof(DurationRange))
        {
            reason = ex.Message;
            return false;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException
            or InvalidCastException || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type)
    {
        if (type == typeof(TimeSpan))
        {
            return "a duration (write hh:mm:ss, for example 00:05:00)";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(decimal))
        {
            return "a number (with '.' as the decimal point)";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return "a valid " + type.Name;
    }

    private static string KnownNames(Type type)
    {
        var names = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite)
            {
                names.Add(property.Name);
            }
        }

        return string.Join(", ", names);
    }

    /// <summary>The path as the user typed it, plus the option that set it when there is one.</summary>
    public static string Name(string path)
    {
        var option = CommandLine.OptionFor(path);
        return option is null ? path : $"{path} ({option})";
    }
}
