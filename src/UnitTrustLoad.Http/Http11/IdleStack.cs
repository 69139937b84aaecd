namespace UnitTrustLoad.Http.Http11;

/// <summary>Something an <see cref="IdleStack{T}"/> keeps: the slot it holds there, -1 when none.</summary>
internal interface ISlotted
{
    int Slot { get; set; }
}

/// <summary>
/// The idle connections (<see cref="Http11Connection"/>), last in first out, so the connections in use stay warm and the others age out (closed by the
/// server's idle timeout or our checks) instead of every connection idling as long as possible. Lock-free and
/// allocation-free: an index stack (Treiber) over a fixed array of slots, its head a 64-bit word holding a tag
/// bumped by every change beside the top index, so a pop that raced with other pops and pushes (the ABA case) fails
/// its compare-exchange and tries again. Every connection the client keeps holds one slot (free slots make a second
/// stack of the same kind), so at most <c>capacity</c> connections are ever kept.
/// </summary>
internal sealed class IdleStack<T>
    where T : class, ISlotted
{
    private readonly T?[] _slots;
    private readonly int[] _next;
    private long _idle;
    private long _free;
    private int _neverUsed;

    public IdleStack(int capacity)
    {
        _slots = new T?[capacity];
        _next = new int[capacity];
    }

    /// <summary>Gives <paramref name="connection"/> a slot; false when every slot is held (the client's limit prevents it).</summary>
    public bool TryAssignSlot(T connection)
    {
        var slot = Pop(ref _free);
        if (slot < 0)
        {
            slot = Interlocked.Increment(ref _neverUsed) - 1;
            if (slot >= _slots.Length)
            {
                Interlocked.Decrement(ref _neverUsed);
                return false;
            }
        }

        Volatile.Write(ref _slots[slot], connection);
        connection.Slot = slot;
        return true;
    }

    /// <summary>Frees the slot of a connection the client forgets (it must not be on the stack).</summary>
    public void ReleaseSlot(T connection)
    {
        var slot = connection.Slot;
        if (slot < 0)
        {
            return;
        }

        connection.Slot = -1;
        Volatile.Write(ref _slots[slot], null);
        Push(ref _free, slot);
    }

    /// <summary>Puts an idle connection on top.</summary>
    public void Push(T connection) => Push(ref _idle, connection.Slot);

    /// <summary>The most recently pushed idle connection, if any.</summary>
    public bool TryPop(out T connection)
    {
        var slot = Pop(ref _idle);
        connection = slot < 0 ? null! : Volatile.Read(ref _slots[slot])!;
        return slot >= 0;
    }

    // Head word: high 32 bits a tag, low 32 bits the top slot + 1 (0: empty).
    private int Pop(ref long head)
    {
        while (true)
        {
            var current = Volatile.Read(ref head);
            var top = unchecked((int)(current & 0xFFFF_FFFF)) - 1;
            if (top < 0)
            {
                return -1;
            }

            var below = Volatile.Read(ref _next[top]);
            if (Interlocked.CompareExchange(ref head, Word(current, below), current) == current)
            {
                return top;
            }
        }
    }

    private void Push(ref long head, int slot)
    {
        while (true)
        {
            var current = Volatile.Read(ref head);
            Volatile.Write(ref _next[slot], unchecked((int)(current & 0xFFFF_FFFF)) - 1);
            if (Interlocked.CompareExchange(ref head, Word(current, slot), current) == current)
            {
                return;
            }
        }
    }

    private static long Word(long current, int top)
        => unchecked((long)((((ulong)current >> 32) + 1) << 32) | (uint)(top + 1));
}
