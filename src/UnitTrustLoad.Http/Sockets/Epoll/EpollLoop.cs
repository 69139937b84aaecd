using System.Runtime.InteropServices;

namespace UnitTrustLoad.Http.Sockets.Epoll;

/// <summary>
/// One thread waiting in <c>epoll_wait</c> for the HTTP/1.1 client's sockets (edge-triggered, each registered once), the
/// way wrk drives its connections. A ready socket does its pending receive or send right there, and the request's
/// continuation (the rest of the iteration, up to its next send) runs inline on this thread. The sends those
/// continuations ask for are held until the batch of events is handed out, then made together, as wrk does: the
/// target then finds several requests per wake-up instead of sleeping between them, and waking a sleeping target costs
/// the sender's core several µs in the kernel (a request that waits for its batch counts that wait in its latency).
/// Compared with .NET's socket engine it saves the speculative receive that finds nothing before each answer (one
/// syscall per request) and the engine's per-operation bookkeeping. Linux only; <see cref="IsSupported"/> says
/// whether it can run here.
/// </summary>
internal sealed unsafe class EpollLoop : IDisposable
{
    private const int MaxEvents = 256;
    private const ulong WakeKey = ulong.MaxValue;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly Thread _thread;
    private readonly Lock _slotsGate = new();
    private readonly Stack<int> _free = new();
    private readonly List<EpollSocket> _deferred = new(64);
    private EpollSocket?[] _slots = new EpollSocket?[64];
    private int _used;
    private int _threadId;
    private bool _dispatching;
    private volatile bool _stopping;

    public EpollLoop()
    {
        _epoll = Libc.EpollCreate1(Libc.EPOLL_CLOEXEC);
        if (_epoll < 0)
        {
            throw new IOException($"epoll_create1 failed: {Libc.Describe(Marshal.GetLastPInvokeError())}");
        }

        _wake = Libc.EventFd(0, Libc.EFD_CLOEXEC | Libc.EFD_NONBLOCK);
        var wake = stackalloc byte[Libc.MaxEpollEventSize];
        Libc.WriteEvent(wake, Libc.EPOLLIN, WakeKey);
        if (_wake < 0 || Libc.EpollCtl(_epoll, Libc.EPOLL_CTL_ADD, _wake, wake) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Libc.Close(_epoll);
            throw new IOException($"eventfd for the epoll loop failed: {Libc.Describe(errno)}");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "UnitTrustLoad epoll" };
        _thread.Start();
    }

    /// <summary>Linux on a 64-bit process (the struct layout and the calls are Linux's).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>False once <see cref="Dispose"/> has stopped the loop thread.</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>
    /// True on the loop thread while it hands out a batch of events: a send asked for now is held until the batch is
    /// done (<see cref="Defer"/>), so the target gets the batch's requests together.
    /// </summary>
    public bool DefersSends => _dispatching && Environment.CurrentManagedThreadId == _threadId;

    /// <summary>Sockets registered now.</summary>
    public int Registered
    {
        get
        {
            lock (_slotsGate)
            {
                return _used - _free.Count;
            }
        }
    }

    /// <summary>Watches <paramref name="fd"/> for input, output and hang-up, edge-triggered; events go to <paramref name="socket"/>.</summary>
    public void Register(EpollSocket socket, int fd)
    {
        int slot;
        lock (_slotsGate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            if (!_free.TryPop(out slot))
            {
                if (_used == _slots.Length)
                {
                    var bigger = new EpollSocket?[_slots.Length * 2];
                    _slots.CopyTo(bigger, 0);
                    Volatile.Write(ref _slots, bigger);
                }

                slot = _used++;
            }

            // Published before epoll_ctl: an event can only arrive once the slot is visible to the loop.
            Volatile.Write(ref _slots[slot], socket);
        }

        socket.Slot = slot;
        var ev = stackalloc byte[Libc.MaxEpollEventSize];
        Libc.WriteEvent(ev, Libc.EPOLLIN | Libc.EPOLLOUT | Libc.EPOLLRDHUP | Libc.EPOLLET, (ulong)(uint)slot | ((ulong)socket.Generation << 32));
        if (Libc.EpollCtl(_epoll, Libc.EPOLL_CTL_ADD, fd, ev) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            socket.Slot = -1; // so its Dispose does not free the slot a second time
            Release(slot);
            throw new IOException($"epoll_ctl could not watch the socket: {Libc.Describe(errno)}");
        }
    }

    /// <summary>Stops watching <paramref name="fd"/> (before it is closed) and frees its slot.</summary>
    public void Unregister(int slot, int fd)
    {
        var ev = stackalloc byte[Libc.MaxEpollEventSize];
        _ = Libc.EpollCtl(_epoll, Libc.EPOLL_CTL_DEL, fd, ev);
        Release(slot);
    }

    public void Dispose()
    {
        lock (_slotsGate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
        }

        ulong one = 1;
        _ = Libc.Write(_wake, (byte*)&one, sizeof(ulong));
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        // The loop has stopped (or is about to): closing now cannot hand a reused descriptor number to its epoll_wait.
        Libc.Close(_wake);
        Libc.Close(_epoll);
    }

    /// <summary>Called on the loop thread (<see cref="DefersSends"/>): <paramref name="socket"/> sends when the batch is done.</summary>
    public void Defer(EpollSocket socket) => _deferred.Add(socket);

    private void Release(int slot)
    {
        lock (_slotsGate)
        {
            Volatile.Write(ref _slots[slot], null);
            _free.Push(slot);
        }
    }

    private void Run()
    {
        _threadId = Environment.CurrentManagedThreadId;
        // Sized for the largest layout, read with this architecture's stride (Libc.EpollEventSize).
        var events = stackalloc byte[MaxEvents * Libc.MaxEpollEventSize];
        while (!_stopping)
        {
            var ready = Libc.EpollWait(_epoll, events, MaxEvents, -1);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Libc.EINTR)
                {
                    continue;
                }

                return;
            }

            var slots = Volatile.Read(ref _slots);
            _dispatching = true;
            for (var i = 0; i < ready; i++)
            {
                var data = Libc.DataOf(events, i);
                if (data == WakeKey)
                {
                    continue;
                }

                var slot = (int)(uint)data;
                var socket = slot < slots.Length ? Volatile.Read(ref slots[slot]) : null;
                if (socket is not null && socket.Generation == (int)(data >> 32))
                {
                    // Continuations run here; an async method keeps its own failures, so nothing escapes but a bug.
                    try
                    {
                        socket.OnEvents(Libc.EventsOf(events, i));
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        socket.Fail(ex);
                    }
                }
            }

            SendDeferred();
            _dispatching = false;
        }
    }

    // The sends the batch's continuations asked for, in their order. A continuation run from here may ask for another
    // (the rest of a request the kernel took only part of); it joins the end of the list.
    private void SendDeferred()
    {
        for (var i = 0; i < _deferred.Count; i++)
        {
            var socket = _deferred[i];
            try
            {
                socket.SendDeferred();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                socket.Fail(ex);
            }
        }

        _deferred.Clear();
    }
}
