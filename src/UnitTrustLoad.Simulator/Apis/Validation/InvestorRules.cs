using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using UnitTrustLoad.Simulator.Infrastructure;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Apis.Validation;

/// <summary>The contract's registration rules; every broken rule is reported, not just the first.</summary>
internal static partial class InvestorRules
{
    private static readonly string[] DateFormats = ["MMM dd, yyyy", "MMM d, yyyy", "yyyy-MM-dd"];

    public static NewInvestor? Validate(RegisterInvestorRequest request, DateOnly today, FieldErrors errors)
    {
        if (request.IDNumber is not { } idNumber)
        {
            errors.Add("IDNumber", "IDNumber is required.");
        }
        else if (idNumber is < 10_000_000 or > 99_999_999)
        {
            errors.Add("IDNumber", "IDNumber must have exactly 8 digits.");
        }

        errors.Required("FirstName", request.FirstName);
        errors.Required("Surname", request.Surname);
        var dateOfBirth = ValidateDateOfBirth(request.DateOfBirth, today, errors);
        if (errors.Required("PhoneNumber", request.PhoneNumber) && !PhoneNumber().IsMatch(request.PhoneNumber!))
        {
            errors.Add("PhoneNumber", "PhoneNumber must be +254 followed by 9 digits, for example +254712345678.");
        }

        if (errors.Required("EmailAddress", request.EmailAddress, 254) && !EmailAddress().IsMatch(request.EmailAddress!))
        {
            errors.Add("EmailAddress", "EmailAddress is not a valid email address.");
        }

        if (errors.Required("PIN", request.PIN) && !KraPin().IsMatch(request.PIN!))
        {
            errors.Add("PIN", "PIN must be a KRA PIN: a capital letter, 9 digits and a capital letter, for example A012345678Z.");
        }

        errors.Required("ClientIdentifier", request.ClientIdentifier, 64);
        if (request.BankAccount is null)
        {
            errors.Add("BankAccount", "BankAccount is required.");
        }
        else if (!string.Equals(request.BankAccount.Currency, "KES", StringComparison.Ordinal))
        {
            errors.Add("BankAccount.Currency", "BankAccount.Currency must be KES.");
        }

        if (errors.Any)
        {
            return null;
        }

        return new NewInvestor(
            request.ClientIdentifier!,
            request.IDNumber!.Value,
            request.FirstName!,
            request.Surname!,
            dateOfBirth,
            request.PhoneNumber!,
            request.EmailAddress!,
            request.PIN!,
            JsonSerializer.Serialize(request.BankAccount!, SimulatorJsonContext.Default.BankAccount));
    }

    private static DateOnly ValidateDateOfBirth(string? value, DateOnly today, FieldErrors errors)
    {
        if (!errors.Required("DateOfBirth", value))
        {
            return default;
        }

        if (!DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("DateOfBirth", "DateOfBirth must be 'MMM dd, yyyy' (Mar 14, 1991) or 'yyyy-MM-dd' (1991-03-14).");
            return default;
        }

        if (date.AddYears(18) > today)
        {
            errors.Add("DateOfBirth", "The investor must be at least 18 years old.");
        }

        return date;
    }

    [GeneratedRegex(@"^\+254[0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex("^[A-Z][0-9]{9}[A-Z]$", RegexOptions.CultureInvariant)]
    private static partial Regex KraPin();
}
