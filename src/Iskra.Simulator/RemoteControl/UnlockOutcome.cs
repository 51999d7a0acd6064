namespace Iskra.Simulator.RemoteControl;

/// <summary>What an unlock attempt did (1.6 §5.18 UnlockStatus, 2.0.1 F05 UnlockStatusEnumType).</summary>
internal enum UnlockOutcome
{
    Unlocked,

    /// <summary>Refused: a transaction runs on the connector (2.0.1 F05.FR.02).</summary>
    OngoingTransaction,

    /// <summary>The retention lock did not move (<see cref="Model.Connector.LockJammed"/>).</summary>
    Failed,
}
