using UnitTrustLoad.Engine.Model;

namespace UnitTrustLoad.Engine.Capacity;

/// <summary>
/// The search's arithmetic, apart from the clock: which rate comes next after the steps judged so far, and why the
/// search ended. Up by the factor (or step) while steps pass; after the first failure, the middle of the last passing
/// and the lowest failing rate, until they are within the resolution.
/// </summary>
internal sealed class CapacityPlanner(CapacitySearch search)
{
    /// <summary>The highest rate that passed, or null.</summary>
    public int? Passing { get; private set; }

    /// <summary>The lowest rate that failed, or null.</summary>
    public int? Failing { get; private set; }

    /// <summary>Why the search ended, once it has.</summary>
    public CapacityEnd? End { get; private set; }

    /// <summary>The next rate to offer, or null when the search is over (<see cref="End"/> says why).</summary>
    public int? Next()
    {
        if (End is not null)
        {
            return null;
        }

        if (Failing is not { } failing)
        {
            int next = Passing is not { } passing
                ? search.StartRate
                : search.Step > 0 ? passing + search.Step : (int)Math.Max(passing + 1, Math.Ceiling(passing * search.Factor));
            if (next > search.MaxRate)
            {
                if (Passing < search.MaxRate)
                {
                    return search.MaxRate;
                }

                End = CapacityEnd.MaxRate;
                return null;
            }

            return next;
        }

        int lower = Passing ?? 0;
        if (failing - lower <= 1 || (failing - lower) <= search.Resolution * failing)
        {
            End = CapacityEnd.Resolution;
            return null;
        }

        return lower + ((failing - lower) / 2);
    }

    /// <summary>Takes a judged step into account.</summary>
    public void Record(int rate, bool passed, bool generatorLimited)
    {
        if (generatorLimited)
        {
            End = CapacityEnd.Generator;
            return;
        }

        if (passed)
        {
            Passing = Math.Max(Passing ?? 0, rate);
        }
        else
        {
            Failing = Math.Min(Failing ?? int.MaxValue, rate);
        }
    }

    /// <summary>Ends the search for a reason outside the steps (the time budget, a stop).</summary>
    public void Stop(CapacityEnd reason) => End ??= reason;
}
