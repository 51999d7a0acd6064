using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.LocalAuthList;

/// <summary>OCTT 1.6 Table 54: the id tag is on the local list; a remote start is authorized from it and the transaction starts.</summary>
public sealed class TC_008_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_008_CS", "Regular Start Charging Session – Id in Local Authorization List", "Local Auth List Management", "OCTT 1.6 §2.17.3")
    {
        Requirements = ["OCPP 1.6 §3.5.3 Local Authorization List", "OCPP 1.6 §5.15 SendLocalList", "OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §9.1.1 AuthorizeRemoteTxRequests"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "LocalPreAuthorize", "true", "before").ConfigureAwait(false);
            await keys.SetAsync(t, "AuthorizationCacheEnabled", "false", "before", ifImplemented: true).ConfigureAwait(false);
            await keys.SetAsync(t, "LocalAuthListEnabled", "true", "before").ConfigureAwait(false);
            await RemoteAuthorizationAsync(t, keys).ConfigureAwait(false);

            var version = await t.SendAsync(V16Calls.GetLocalListVersion, new GetLocalListVersionRequest(), "1", "OCPP 1.6 §5.10").ConfigureAwait(false);
            await LocalList.SendAsync(t, UpdateType.Full, Math.Max(version.ListVersion, 0) + 1, [LocalList.Accepted(t.Model.IdTag)], "3", "4").ConfigureAwait(false);
            await Charging.EvConnectedAsync(t, t.Connector).ConfigureAwait(false);
            var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = t.Connector, IdTag = t.Model.IdTag }, "7", "OCPP 1.6 §5.11").ConfigureAwait(false);
            t.Require(answer.Status == RemoteStartStopStatus.Accepted, "8", "RemoteStartTransaction.conf status is Accepted", $"status is {answer.Status}",
                "Accept a RemoteStartTransaction.req for an id tag on the local list and start the transaction (OCPP 1.6 §5.11; with AuthorizeRemoteTxRequests true it is authorized from the list, §3.5.3).", requirement: "OCPP 1.6 §5.11");
            await Charging.StartedAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }

    /// <summary>The prerequisite: AuthorizeRemoteTxRequests true, or a station where it is read-only true; read-only false means the case does not apply.</summary>
    private static async Task RemoteAuthorizationAsync(CaseContext t, KeySettings keys)
    {
        var current = await KeySettings.GetAsync(t, "AuthorizeRemoteTxRequests", "before").ConfigureAwait(false);
        if (current is { Readonly: true } && !string.Equals(current.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new CaseStoppedException("prerequisite not met: AuthorizeRemoteTxRequests is read-only and false", skipped: true);
        }

        await keys.SetAsync(t, "AuthorizeRemoteTxRequests", "true", "before").ConfigureAwait(false);
    }
}
