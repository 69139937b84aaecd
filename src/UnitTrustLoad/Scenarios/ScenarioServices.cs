using UnitTrustLoad.Investors;
using UnitTrustLoad.Ledger;

namespace UnitTrustLoad.Scenarios;

/// <summary>What the scenarios are built from: the measured steps, new investors, the pool, investors.csv and the ledger.</summary>
internal sealed record ScenarioServices(InvestorSteps Steps, InvestorFaker Faker, InvestorPool Pool, InvestorsCsv Investors, LedgerCheck Ledger);
