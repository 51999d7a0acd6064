namespace Iskra.Simulator.Faults;

/// <summary>The faults switched on for one station; safe to change while it runs.</summary>
public sealed class FaultSet
{
    private readonly long[] _uses = new long[64];
    private long _bits;

    public bool IsOn(StationFault fault) => (Interlocked.Read(ref _bits) & Bit(fault)) != 0;

    public void Set(StationFault fault, bool on)
    {
        long current, next;
        do
        {
            current = Interlocked.Read(ref _bits);
            next = on ? current | Bit(fault) : current & ~Bit(fault);
        }
        while (Interlocked.CompareExchange(ref _bits, next, current) != current);
    }

    public void Clear() => Interlocked.Exchange(ref _bits, 0);

    /// <summary>Counts one more use of a fault that acts now and then; returns the count so far (1 for the first).</summary>
    internal long Next(StationFault fault) => Interlocked.Increment(ref _uses[(int)fault]);

    /// <summary>The faults switched on now.</summary>
    public IReadOnlyList<StationFault> Active => [.. Enum.GetValues<StationFault>().Where(IsOn)];

    private static long Bit(StationFault fault) => 1L << (int)fault;
}
