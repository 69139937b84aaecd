using System.Globalization;
using UnitTrustLoad.Simulator.Faults;

namespace UnitTrustLoad.Simulator.Hosting;

/// <summary>
/// Checks every simulator setting and reports all problems at once, each naming its setting and the fix. Reached only
/// through <see cref="SimulatorOptions.Validate"/>, the one entry used standalone, embedded and by a host that checks
/// its own settings first.
/// </summary>
internal static class SimulatorOptionsValidator
{
    public static List<string> Validate(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Section = SimulatorOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add($"{Section}:ClientId is empty; set a client id such as 'unittrust-load'.");
        }

        if (options.ClientSecret is { Length: > 0 and < 8 })
        {
            problems.Add($"{Section}:ClientSecret is shorter than 8 characters; use a longer secret or leave it empty to generate one.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > TimeSpan.FromDays(1))
        {
            problems.Add($"{Section}:TokenLifetime is {options.TokenLifetime}; use a value from 00:00:01 to 1.00:00:00.");
        }

        ValidateFunds(options.Funds, problems);
        foreach (var (key, fault) in options.Faults)
        {
            ValidateFault(key, fault, problems);
        }

        foreach (var (key, capacity) in options.Capacity)
        {
            ValidateCapacity(key, capacity, problems);
        }

        return problems;
    }

    private static void ValidateFunds(List<FundOptions> funds, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < funds.Count; i++)
        {
            var path = $"{SimulatorOptions.SectionName}:Funds:{i}";
            var fund = funds[i];
            if (string.IsNullOrWhiteSpace(fund.Code))
            {
                problems.Add($"{path}:Code is empty; give the fund share class code, for example 'MMF'.");
            }
            else if (!seen.Add(fund.Code))
            {
                problems.Add($"{path}:Code '{fund.Code}' is listed twice; each fund code must be unique.");
            }

            if (fund.UnitPrice <= 0m || decimal.Round(fund.UnitPrice, 4) != fund.UnitPrice)
            {
                problems.Add($"{path}:UnitPrice is {fund.UnitPrice.ToString(CultureInfo.InvariantCulture)}; use a positive price with at most 4 decimal places.");
            }
        }
    }

    private static void ValidateFault(string key, FaultOptions fault, List<string> problems)
    {
        var path = $"{SimulatorOptions.SectionName}:Faults:{key}";
        if (!FaultKeys.IsKnown(key))
        {
            problems.Add($"{path} is not an operation; use one of {string.Join(", ", FaultKeys.All)}.");
            return;
        }

        if (fault is null)
        {
            problems.Add($"{path} is empty; give at least one fault setting or remove the key.");
            return;
        }

        CheckRate(path, "ErrorRate", fault.ErrorRate, problems);
        CheckRate(path, "TimeoutRate", fault.TimeoutRate, problems);
        CheckRate(path, "DropRate", fault.DropRate, problems);
        CheckRate(path, "ApplyThenDropRate", fault.ApplyThenDropRate, problems);
        CheckRate(path, "CorruptBalanceRate", fault.CorruptBalanceRate, problems);
        if (fault.ErrorRate + fault.TimeoutRate + fault.DropRate + fault.ApplyThenDropRate > 1.0 + 1e-9)
        {
            problems.Add($"{path}: ErrorRate + TimeoutRate + DropRate + ApplyThenDropRate is above 1; they share the same requests, so lower them to add up to at most 1.");
        }

        if (fault.CorruptBalanceRate > 0 && !string.Equals(key, FaultKeys.FetchBalance, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{path}:CorruptBalanceRate applies to FetchBalance only; move it under {SimulatorOptions.SectionName}:Faults:{FaultKeys.FetchBalance}.");
        }

        if (fault.LatencyMs < 0 || fault.LatencyJitterMs < 0 || fault.TimeoutDelayMs < 0)
        {
            problems.Add($"{path}: LatencyMs, LatencyJitterMs and TimeoutDelayMs must not be negative.");
        }

        if (fault.LatencyMs > 600_000 || fault.LatencyJitterMs > 600_000 || fault.TimeoutDelayMs > 600_000)
        {
            problems.Add($"{path}: LatencyMs, LatencyJitterMs and TimeoutDelayMs must be at most 600000 (10 minutes).");
        }
    }

    private static void ValidateCapacity(string key, Capacity.CapacityOptions capacity, List<string> problems)
    {
        var path = $"{SimulatorOptions.SectionName}:Capacity:{key}";
        if (!FaultKeys.IsKnown(key))
        {
            problems.Add($"{path} is not an operation; use one of {string.Join(", ", FaultKeys.All)}.");
            return;
        }

        if (capacity is null || double.IsNaN(capacity.PerSecond) || capacity.PerSecond <= 0 || capacity.PerSecond > 1_000_000)
        {
            problems.Add($"{path}:PerSecond is {(capacity is null ? "missing" : capacity.PerSecond.ToString(CultureInfo.InvariantCulture))}; give the requests per second the operation serves, above 0 and at most 1000000.");
            return;
        }

        if (capacity.Workers < 1 || capacity.Workers > 10_000)
        {
            problems.Add($"{path}:Workers is {capacity.Workers}; use from 1 to 10000 (requests served at once).");
        }
    }

    private static void CheckRate(string path, string name, double rate, List<string> problems)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            problems.Add($"{path}:{name} is {rate.ToString(CultureInfo.InvariantCulture)}; use a fraction from 0 to 1.");
        }
    }
}
