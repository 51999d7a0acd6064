namespace Iskra.Simulator.SmartCharging;

/// <summary>What a charging profile is for (1.6 §3.13.1, 2.0.1 K01), whatever the version's spelling.</summary>
public enum ProfilePurpose
{
    /// <summary>1.6 ChargePointMaxProfile / 2.0.1 ChargingStationMaxProfile: the whole station's limit, connector 0 only.</summary>
    StationMax,

    /// <summary>TxDefaultProfile: the default for transactions, on one connector or all (0).</summary>
    TxDefault,

    /// <summary>TxProfile: one running transaction's limit; it overrules TxDefault and ends with the transaction.</summary>
    Tx,
}
