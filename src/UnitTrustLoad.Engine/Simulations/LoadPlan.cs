namespace UnitTrustLoad.Engine.Simulations;

/// <summary>
/// The pure arithmetic of load shapes: resolves a chain into stages and answers "how many copies at t",
/// "how many arrivals in interval j" and "when is arrival k of interval j". The runners only follow these answers.
/// </summary>
internal static class LoadPlan
{
    /// <summary>Resolves a chain; each ramp starts from the previous stage's level (0 for the first stage).</summary>
    public static IReadOnlyList<LoadStage> Resolve(IReadOnlyList<LoadSimulation> chain, int seed)
    {
        var stages = new List<LoadStage>(chain.Count);
        int copies = 0;
        int rate = 0;
        for (int i = 0; i < chain.Count; i++)
        {
            int stageSeed = unchecked((seed * 397) ^ i);
            var stage = chain[i].ToStage(copies, rate, stageSeed);
            stages.Add(stage);
            copies = stage.Model == LoadModel.Closed ? stage.To : 0;
            rate = stage.Model == LoadModel.Open ? stage.To : 0;
        }

        return stages;
    }

    /// <summary>Total planned time of the chain, or null when a stage is bounded by iterations.</summary>
    public static TimeSpan? PlannedDuration(IReadOnlyList<LoadStage> stages)
    {
        var total = TimeSpan.Zero;
        foreach (var stage in stages)
        {
            if (stage.During is not { } during)
            {
                return null;
            }

            total += during;
        }

        return total;
    }

    /// <summary>Closed model: virtual users wanted <paramref name="elapsed"/> into the stage (linear ramp, nearest whole user).</summary>
    public static int CopiesAt(LoadStage stage, TimeSpan elapsed)
    {
        if (stage.Model != LoadModel.Closed)
        {
            return 0;
        }

        if (stage.From == stage.To || stage.During is not { } during || during <= TimeSpan.Zero)
        {
            return stage.To;
        }

        double progress = Math.Clamp(elapsed.Ticks / (double)during.Ticks, 0, 1);
        return (int)Math.Round(stage.From + ((stage.To - stage.From) * progress), MidpointRounding.AwayFromZero);
    }

    /// <summary>Open model: how many intervals the stage spans (the last may be partial).</summary>
    public static long IntervalCount(LoadStage stage)
    {
        if (stage.Model != LoadModel.Open)
        {
            return 0;
        }

        if (stage.During is { } during)
        {
            long ticks = stage.Interval.Ticks;
            return (during.Ticks + ticks - 1) / ticks;
        }

        long iterations = stage.Iterations ?? 0;
        return stage.To <= 0 ? 0 : (iterations + stage.To - 1) / stage.To;
    }

    /// <summary>
    /// Open model: the rate (arrivals per whole interval) in interval <paramref name="index"/>. A ramp moves linearly
    /// from the previous level and reaches its target in the stage's last interval; InjectRandom draws a
    /// reproducible rate per interval.
    /// </summary>
    public static int RateOfInterval(LoadStage stage, long index)
    {
        if (stage.Model != LoadModel.Open)
        {
            return 0;
        }

        if (stage.Source is InjectRandom)
        {
            return new Random(unchecked(stage.Seed + ((int)index * 7919))).Next(stage.MinRate, stage.MaxRate + 1);
        }

        if (stage.From == stage.To || stage.During is not { } during)
        {
            return stage.To;
        }

        double progress = Math.Min(1, (index + 1) * stage.Interval.Ticks / (double)during.Ticks);
        return (int)Math.Round(stage.From + ((stage.To - stage.From) * progress), MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Open model: arrivals actually planned in interval <paramref name="index"/>: its rate, less the part of a last
    /// partial interval past the stage's end, and less what an iteration-bound stage no longer needs.
    /// </summary>
    public static int ArrivalsInInterval(LoadStage stage, long index)
    {
        int rate = RateOfInterval(stage, index);
        if (rate <= 0)
        {
            return 0;
        }

        if (stage.During is { } during)
        {
            long remaining = during.Ticks - (index * stage.Interval.Ticks);
            if (remaining <= 0)
            {
                return 0;
            }

            if (remaining < stage.Interval.Ticks)
            {
                // Only arrivals whose offset k * interval / rate falls before the stage's end.
                return (int)Math.Min(rate, ((remaining * rate) + stage.Interval.Ticks - 1) / stage.Interval.Ticks);
            }

            return rate;
        }

        long left = (stage.Iterations ?? 0) - (index * (long)stage.To);
        return (int)Math.Clamp(left, 0, rate);
    }

    /// <summary>Open model: when arrival <paramref name="k"/> of interval <paramref name="index"/> is due, from the stage's start (spread evenly).</summary>
    public static TimeSpan ArrivalOffset(LoadStage stage, long index, int k, int rate)
        => TimeSpan.FromTicks((index * stage.Interval.Ticks) + (k * stage.Interval.Ticks / rate));

    /// <summary>Open model: arrivals due at or before <paramref name="elapsed"/> into the stage.</summary>
    public static long ArrivalsUpTo(LoadStage stage, TimeSpan elapsed)
    {
        long total = 0;
        long intervals = IntervalCount(stage);
        for (long j = 0; j < intervals; j++)
        {
            if (j * stage.Interval.Ticks > elapsed.Ticks)
            {
                break;
            }

            int arrivals = ArrivalsInInterval(stage, j);
            int rate = RateOfInterval(stage, j);
            for (int k = 0; k < arrivals; k++)
            {
                if (ArrivalOffset(stage, j, k, rate) > elapsed)
                {
                    break;
                }

                total++;
            }
        }

        return total;
    }
}
