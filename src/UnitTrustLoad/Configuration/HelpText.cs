namespace UnitTrustLoad.Configuration;

/// <summary>What --help prints.</summary>
internal static class HelpText
{
    public const string Text = """
        UnitTrustLoad: load tests for the Unit Trust API (register, join fund, purchase, balance, sale), with the money checked.

        Usage: dotnet run --project src/UnitTrustLoad -- [options] [--Section:Key=value ...]

        With no options it starts the embedded simulator on loopback and runs the default test in config/appsettings.json
        (the journey, about 30 s with a few virtual users), then writes reports/<yyyyMMdd-HHmmss>_<test-name>/.

        Options:
          --config FILE      a JSON settings file layered over config/appsettings.json
          --profile NAME     a load profile from config/profiles: smoke, load, stress, spike, soak, breakpoint
          --target URL       the API base URL (default: the embedded simulator); needs Auth:ClientId and the secret
          --vus N            closed model: N virtual users in all, shared among the running scenarios by Weight (Load:Vus)
          --rate N           open model: N iterations started per second in all, shared by Weight (Load:Rate)
          --duration T       how long the run lasts (Load:Duration): 30s, 5m, 1h30m, 500ms or hh:mm:ss; with --vus/--rate
                             it is their length (default 30s), alone it fits each scenario's shape to it
          --stage T:N        ramp to N virtual users over T, k6's way; repeatable (--stage 30s:100 --stage 1m:100
                             --stage 30s:0), in place of each running scenario's shape (Load:Stages)
          --scenario NAME    run only this scenario; repeatable: register, join-fund, purchase, balance, sale, journey
          --capacity         search the selected scenario's sustainable rate and breaking point (Capacity:*):
                             steps up the arrival rate, bisects after the first step that breaks Capacity:Slo
          --out DIR          report root (Report:Root, default reports)
          --seed N           decides every random choice: investors, purchase amounts, think-time draws (Data:Seed)
          --baseline PATH    a previous run's summary.json or run folder, for comparison and relative thresholds;
                             regressions beyond noise are flagged, and fail the run with Report:FailOnRegression=true
          -h, --help         this text
          --Section:Key=V    any setting, for example --Load:Scenarios:journey:ThinkTime=1s

        Settings for real targets (as --Section:Key=value, in a file, or UNITTRUSTLOAD_Section__Key):
          Target:Headers:NAME         an extra header on every API request; a value env:VAR is read from that
                                      environment variable and redacted in every output
          Target:AcceptEncoding       gzip, br or gzip,br: ask for compressed answers (decoded); default none
          Target:Proxy                a forward proxy URL, over HTTP_PROXY/HTTPS_PROXY; NO_PROXY names direct hosts
                                      (a proxied target goes through HttpClient)
          Auth:ClientCredentialStyle  post (default: client_id and client_secret in the form body) or basic (HTTP Basic)

        Layering (later wins): config/appsettings.json, --config FILE, --profile NAME, environment variables
        prefixed UNITTRUSTLOAD_ (UNITTRUSTLOAD_Auth__ClientSecret), then the command line.
        Durations everywhere (options, files, environment) are written 30s, 5m, 1h30m, 500ms or hh:mm:ss.

        Exit codes: 0 passed, 99 a threshold failed (or a capacity search named no capacity), 2 invalid configuration,
                    3 preflight failed (target unreachable or no token), 130 interrupted (reports still written),
                    1 unexpected error in the suite itself.
        """;
}
