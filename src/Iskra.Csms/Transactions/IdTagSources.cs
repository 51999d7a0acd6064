namespace Iskra.Csms.Transactions;

/// <summary>Where a transaction's idTag came from, as the API shows it (<c>idTagSource</c>).</summary>
public static class IdTagSources
{
    /// <summary>The station sent it (1.6 StartTransaction, 2.0.1 TransactionEvent idToken).</summary>
    public const string Station = "station";

    /// <summary>
    /// The station sent none; it is the token of Iskra's own RequestStartTransaction that the event's
    /// remoteStartId names (F01: the station starts the transaction the CSMS asked for).
    /// </summary>
    public const string RemoteStart = "remoteStart";
}
