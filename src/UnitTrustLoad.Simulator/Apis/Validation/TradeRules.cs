using System.Globalization;
using UnitTrustLoad.Simulator.Hosting;
using UnitTrustLoad.Simulator.Infrastructure;
using UnitTrustLoad.Simulator.Model;

namespace UnitTrustLoad.Simulator.Apis.Validation;

/// <summary>The contract's rules for joining, purchases, balances and sales.</summary>
internal static class TradeRules
{
    private const decimal MinPurchase = 100m;
    private const decimal MaxValue = 10_000_000m;

    public static void ValidateJoin(JoinFundRequest request, SimulatorSettings settings, FieldErrors errors)
    {
        errors.Required("ClientIdentifier", request.ClientIdentifier, 64);
        ValidateFund(request.FundShareClassCode, settings, errors);
        if (request.IncomeDistributionMode is not ("1" or "2" or "3"))
        {
            errors.Add("IncomeDistributionMode", "IncomeDistributionMode must be \"1\", \"2\" or \"3\".");
        }
    }

    public static Trade? ValidatePurchase(PurchaseRequest request, SimulatorSettings settings, FieldErrors errors)
    {
        errors.Required("ClientIdentifier", request.ClientIdentifier, 64);
        var price = ValidateFund(request.FundShareClassCode, settings, errors);
        ValidateValue("PurchaseValue", request.PurchaseValue, MinPurchase, errors);
        errors.Required("PurchaseRequestReference", request.PurchaseRequestReference);
        ValidatePaymentMode(request.PaymentModeCode, errors);
        errors.Required("PaymentReference", request.PaymentReference);
        if (errors.Any)
        {
            return null;
        }

        var value = request.PurchaseValue!.Value;
        return new Trade(
            request.ClientIdentifier!,
            request.FundShareClassCode!,
            value,
            price,
            request.PurchaseRequestReference!,
            string.Join('|', request.ClientIdentifier, request.FundShareClassCode, Invariant(value), request.PaymentModeCode, request.PaymentReference));
    }

    public static Trade? ValidateSale(SellRequest request, SimulatorSettings settings, FieldErrors errors)
    {
        errors.Required("ClientIdentifier", request.ClientIdentifier, 64);
        var price = ValidateFund(request.FundShareClassCode, settings, errors);
        ValidateValue("SaleValue", request.SaleValue, 0.01m, errors);
        errors.Required("SaleRequestReference", request.SaleRequestReference);
        ValidatePaymentMode(request.PaymentModeCode, errors);
        if (errors.Any)
        {
            return null;
        }

        var value = request.SaleValue!.Value;
        return new Trade(
            request.ClientIdentifier!,
            request.FundShareClassCode!,
            value,
            price,
            request.SaleRequestReference!,
            string.Join('|', request.ClientIdentifier, request.FundShareClassCode, Invariant(value), request.PaymentModeCode));
    }

    private static decimal ValidateFund(string? code, SimulatorSettings settings, FieldErrors errors)
    {
        if (!errors.Required("FundShareClassCode", code))
        {
            return 0m;
        }

        if (!settings.FundPrices.TryGetValue(code!, out var price))
        {
            errors.Add("FundShareClassCode", $"Fund '{code}' is not offered; use one of {string.Join(", ", settings.FundCodes)}.");
        }

        return price;
    }

    private static void ValidateValue(string field, decimal? value, decimal min, FieldErrors errors)
    {
        if (value is not { } amount)
        {
            errors.Add(field, $"{field} is required.");
        }
        else if (amount < min || amount > MaxValue)
        {
            errors.Add(field, $"{field} must be from {Invariant(min)} to {Invariant(MaxValue)}.");
        }
        else if (!FixedPoint.HasAtMostPlaces(amount, 2))
        {
            errors.Add(field, $"{field} must have at most 2 decimal places.");
        }
    }

    private static void ValidatePaymentMode(string? mode, FieldErrors errors)
    {
        if (mode is not ("MPESA" or "BANK"))
        {
            errors.Add("PaymentModeCode", "PaymentModeCode must be MPESA or BANK.");
        }
    }

    // Normalised so 5000, 5000.0 and 5000.00 are the same request.
    private static string Invariant(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
