using Microsoft.AspNetCore.Http.HttpResults;

namespace UnitTrustLoad.Simulator.Apis.Validation;

/// <summary>Collects every bad field so one answer names them all (RFC 9457 "errors" keyed by field).</summary>
internal sealed class FieldErrors
{
    private Dictionary<string, string[]>? _errors;

    public bool Any => _errors is not null;

    public void Add(string field, string message)
    {
        _errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
    }

    /// <summary>Adds "is required" when the value is null or blank; returns whether it was present.</summary>
    public bool Required(string field, string? value, int maxLength = 100)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
            return false;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"{field} is longer than {maxLength} characters.");
            return false;
        }

        return true;
    }

    public ValidationProblem ToProblem()
        => TypedResults.ValidationProblem(
            _errors ?? [],
            title: "One or more fields are invalid.",
            type: Problems.TypeBase + "validation");
}
