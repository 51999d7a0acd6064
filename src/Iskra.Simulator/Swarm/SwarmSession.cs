namespace Iskra.Simulator.Swarm;

/// <summary>The little a swarm station remembers of its charging session: enough to spell the next message.</summary>
public struct SwarmSession
{
    /// <summary>The energy register in Wh; grows with every meter reading.</summary>
    public long MeterWh { get; set; }

    /// <summary>1.6: the id the CSMS gave in StartTransaction.conf (0 while unknown).</summary>
    public int TransactionId16 { get; set; }

    /// <summary>2.0.1: the id the station chose for its transaction.</summary>
    public string? TransactionId201 { get; set; }

    /// <summary>2.0.1: the seqNo of the next TransactionEvent.</summary>
    public int SeqNo { get; set; }
}
