using System.Collections.Concurrent;

namespace UnitTrustLoad.Investors;

/// <summary>
/// Investors for the standalone purchase, balance and sale scenarios. Each is leased to one iteration at a time, so the
/// ledger never races a trade in flight. Prepared once (register, join, fund: <paramref name="prepareOne"/> makes one
/// ready investor or says why not) by the first scenario's init hook; only these funded investors are leased, so a sale
/// never meets an empty holding (join-fund's investors hold nothing).
/// </summary>
internal sealed class InvestorPool(int size, Func<ValueTask<(Investor? Ready, string? Failure)>> prepareOne)
{
    public const string EmptyMessage = "every pool investor is in use: raise Load:PoolSize above the scenarios' concurrency";
    private const int PrepareConcurrency = 8;

    private readonly ConcurrentQueue<Investor> _ready = new();
    private readonly ConcurrentQueue<Investor> _registered = new();
    private readonly Lock _prepareGate = new();
    private Task<int>? _preparation;
    private int _registeredCount;

    public int Available => _ready.Count;

    public bool TryLease(out Investor investor) => _ready.TryDequeue(out investor!);

    public void Return(Investor investor) => _ready.Enqueue(investor);

    /// <summary>A registered investor that has not joined yet (from the register scenario), bounded so memory stays flat.</summary>
    public void OfferRegistered(Investor investor)
    {
        if (Interlocked.Increment(ref _registeredCount) <= size * 10)
        {
            _registered.Enqueue(investor);
        }
        else
        {
            Interlocked.Decrement(ref _registeredCount);
        }
    }

    public bool TryTakeRegistered(out Investor investor)
    {
        if (_registered.TryDequeue(out investor!))
        {
            Interlocked.Decrement(ref _registeredCount);
            return true;
        }

        return false;
    }

    /// <summary>Registers, joins and funds <c>size</c> investors once, however many scenarios ask. Returns how many are ready.</summary>
    public Task<int> PrepareAsync(CancellationToken cancellationToken)
    {
        lock (_prepareGate)
        {
            return _preparation ??= PrepareAllAsync(cancellationToken);
        }
    }

    private async Task<int> PrepareAllAsync(CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = PrepareConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, size, options, async (_, _) =>
        {
            var (ready, failure) = await prepareOne();
            if (ready is not null)
            {
                _ready.Enqueue(ready);
            }
            else if (failure is not null)
            {
                failures.Enqueue(failure);
            }
        });

        if (_ready.IsEmpty)
        {
            failures.TryPeek(out var first);
            throw new InvalidOperationException($"No pool investor could be prepared ({first}); check the target and the Data:Fund setting.");
        }

        return _ready.Count;
    }
}
