using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnitTrustLoad.Http.Sockets.Epoll;

/// <summary>The few Linux calls the epoll loop makes, straight to libc.</summary>
internal static unsafe partial class Libc
{
    public const int EAGAIN = 11;
    public const int EINTR = 4;
    public const int EINPROGRESS = 115;

    public const uint EPOLLIN = 0x001;
    public const uint EPOLLOUT = 0x004;
    public const uint EPOLLERR = 0x008;
    public const uint EPOLLHUP = 0x010;
    public const uint EPOLLRDHUP = 0x2000;
    public const uint EPOLLET = 0x80000000;

    public const int EPOLL_CTL_ADD = 1;
    public const int EPOLL_CTL_DEL = 2;
    public const int EPOLL_CLOEXEC = 0x80000;
    public const int EFD_CLOEXEC = 0x80000;
    public const int EFD_NONBLOCK = 0x800;

    public const int F_GETFL = 3;
    public const int F_SETFL = 4;
    public const int O_NONBLOCK = 0x800;

    public const int MSG_NOSIGNAL = 0x4000;
    public const int MSG_PEEK = 0x2;
    public const int MSG_DONTWAIT = 0x40;
    public const int SHUT_RDWR = 2;

    /// <summary>
    /// The kernel's struct epoll_event is <c>__attribute__((packed))</c> only on x86-64 (12 bytes, data at offset 4);
    /// on arm64 and the other 64-bit architectures it is naturally aligned (16 bytes, data at offset 8). A C# struct
    /// has one layout for every architecture, so events are read and written through these offsets instead.
    /// </summary>
    public static readonly int EpollEventSize = EpollEventLayoutFor(RuntimeInformation.ProcessArchitecture).Size;

    /// <summary>Where epoll_event's 64-bit data field starts: see <see cref="EpollEventSize"/>.</summary>
    public static readonly int EpollEventDataOffset = EpollEventLayoutFor(RuntimeInformation.ProcessArchitecture).DataOffset;

    /// <summary>The largest epoll_event of any architecture: a buffer this size per event fits every layout.</summary>
    public const int MaxEpollEventSize = 16;

    /// <summary>struct epoll_event's size and data offset as the kernel of <paramref name="architecture"/> lays it out.</summary>
    public static (int Size, int DataOffset) EpollEventLayoutFor(Architecture architecture)
        => architecture == Architecture.X64 ? (12, 4) : (16, 8);

    public static void WriteEvent(byte* destination, uint events, ulong data)
    {
        *(uint*)destination = events;
        Unsafe.WriteUnaligned(destination + EpollEventDataOffset, data);
    }

    public static uint EventsOf(byte* events, int index) => *(uint*)(events + (index * EpollEventSize));

    public static ulong DataOf(byte* events, int index) => Unsafe.ReadUnaligned<ulong>(events + (index * EpollEventSize) + EpollEventDataOffset);

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollCtl(int epfd, int op, int fd, byte* ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epfd, byte* events, int maxEvents, int timeout);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initval, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    public static partial int Connect(int fd, byte* address, int addressLength);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "shutdown", SetLastError = true)]
    public static partial int Shutdown(int fd, int how);

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
