namespace UnitTrustLoad.Investors;

/// <summary>
/// What the suite bought and sold for one investor, per fund. Each investor is used by one virtual user at a time
/// (the journey's own, or leased from the pool), so the lock only guards against the end-of-run reconciliation.
/// </summary>
internal sealed class Holdings
{
    private readonly Lock _gate = new();
    private string? _fund;
    private decimal _units;
    private List<KeyValuePair<string, decimal>>? _more;

    /// <summary>A purchase or sale whose outcome is unknown (timeout, dropped connection): comparisons would be guesses.</summary>
    public bool Uncertain { get; private set; }

    public void Add(string fund, decimal units)
    {
        lock (_gate)
        {
            if (_fund is null || _fund == fund)
            {
                _fund = fund;
                _units += units;
                return;
            }

            _more ??= [];
            for (var i = 0; i < _more.Count; i++)
            {
                if (_more[i].Key == fund)
                {
                    _more[i] = new(fund, _more[i].Value + units);
                    return;
                }
            }

            _more.Add(new(fund, units));
        }
    }

    public void MarkUncertain() => Uncertain = true;

    /// <summary>Units the suite expects for <paramref name="fund"/> (0 when it never traded it).</summary>
    public decimal UnitsOf(string fund)
    {
        lock (_gate)
        {
            if (_fund == fund)
            {
                return _units;
            }

            if (_more is not null)
            {
                foreach (var pair in _more)
                {
                    if (pair.Key == fund)
                    {
                        return pair.Value;
                    }
                }
            }

            return 0m;
        }
    }

    /// <summary>Funds traded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _fund is null ? 0 : 1 + (_more?.Count ?? 0);
            }
        }
    }

    /// <summary>The <paramref name="index"/>-th fund traded with its expected units (no list allocated on the hot path).</summary>
    public KeyValuePair<string, decimal> this[int index]
    {
        get
        {
            lock (_gate)
            {
                return index == 0 ? new(_fund!, _units) : _more![index - 1];
            }
        }
    }

    /// <summary>Every fund traded, with its expected units.</summary>
    public List<KeyValuePair<string, decimal>> Snapshot()
    {
        lock (_gate)
        {
            var list = new List<KeyValuePair<string, decimal>>();
            if (_fund is not null)
            {
                list.Add(new(_fund, _units));
            }

            if (_more is not null)
            {
                list.AddRange(_more);
            }

            return list;
        }
    }
}
