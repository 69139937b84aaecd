using System.ComponentModel.DataAnnotations;

namespace UnitTrustLoad.Configuration;

/// <summary>
/// The capacity search (section "Capacity", turned on by --capacity): the selected scenario's arrival rate steps up and
/// is bisected once a step breaks a service level, until the sustainable and the breaking rate are within
/// <see cref="Resolution"/>. The engine's <c>CapacitySearch</c> owns the rules; these are its settings as a user writes them.
/// </summary>
internal sealed class CapacityOptions
{
    public const string SectionName = "Capacity";

    /// <summary>Run the search instead of the scenario's load shape (--capacity).</summary>
    public bool Enabled { get; set; }

    /// <summary>Offered at <see cref="StartRate"/> before the first step and left out of every figure: connections opened and code compiled before anything is judged.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The first step's rate, arrivals per second.</summary>
    [Range(1, 1_000_000)]
    public int StartRate { get; set; } = 10;

    /// <summary>Growth between passing steps until the first failure (when <see cref="Step"/> is 0).</summary>
    [Range(1.01, 100)]
    public double Factor { get; set; } = 2;

    /// <summary>A fixed growth in arrivals per second instead of <see cref="Factor"/>; 0 = use the factor.</summary>
    [Range(0, 1_000_000)]
    public int Step { get; set; }

    /// <summary>How long each step offers its rate.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The start of each step left out of its judgement.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The bisection ends when the passing and failing rates are within this share of the failing one.</summary>
    [Range(0.001, 0.5)]
    public double Resolution { get; set; } = 0.05;

    /// <summary>The highest rate offered.</summary>
    [Range(1, 1_000_000)]
    public int MaxRate { get; set; } = 100_000;

    /// <summary>The search never starts a step that would end after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Service levels each step is judged against (threshold expressions); empty = p(95) &lt; 500 and fail_rate &lt; 0.01.</summary>
    public List<string> Slo { get; set; } = [];

    /// <summary>Run a failing or generator-limited step once more at the same rate; only the second verdict counts (one stall is not a knee).</summary>
    public bool ConfirmFailures { get; set; } = true;

    /// <summary>A step with more than this share of its arrivals dropped is generator-limited.</summary>
    [Range(0.0, 0.5)]
    public double DropTolerance { get; set; } = 0.01;

    /// <summary>
    /// A step whose CPU reached this share of the machine's cores is generator-limited; unset = 0.9 against a remote
    /// target, off against the embedded simulator (whose CPU is the same process's).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? GeneratorCpuShare { get; set; }
}
