using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// Back to the document's general preconditions (OCTT 1.6 §1.3) after a case: no transaction, every
/// connector Available and clear of faults, an empty authorization cache.
/// </summary>
public static class Idle
{
    private static readonly string[] Busy = ["Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing"];

    public static async Task ReturnAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        foreach (var (transactionId, _) in t.State.OpenTransactions.ToList())
        {
            await t.SendAsync(V16Calls.RemoteStopTransaction, new RemoteStopTransactionRequest { TransactionId = transactionId }, "idle").ConfigureAwait(false);
            await t.ExpectAsync(V16Calls.StopTransaction, "idle", r => r.TransactionId == transactionId).ConfigureAwait(false);
        }

        for (var connector = 1; connector <= t.Model.Connectors; connector++)
        {
            var status = t.State.StatusOf(connector);
            var c = connector;
            if (status == "Faulted")
            {
                await t.ManualAsync(ManualAction.ClearFault(connector)).ConfigureAwait(false);
            }
            else if (Busy.Contains(status))
            {
                await t.ManualAsync(ManualAction.Unplug(connector)).ConfigureAwait(false);
                if (await t.MaybeAsync(V16Calls.StatusNotification, s => s.ConnectorId == c && s.Status == ChargePointStatus.Available).ConfigureAwait(false) is not null)
                {
                    continue;
                }

                // A transaction still running stopped when the cable came off the EV, and the socket held the cable
                // until the stop unlocked it (OCPP 1.6 §4.10): Finishing; now the cable comes out of the socket.
                await t.ManualAsync(ManualAction.Unplug(connector)).ConfigureAwait(false);
            }
            else if (status == "Unavailable")
            {
                await t.SendAsync(V16Calls.ChangeAvailability, new ChangeAvailabilityRequest { ConnectorId = connector, Type = AvailabilityType.Operative }, "idle").ConfigureAwait(false);
            }
            else
            {
                continue;
            }

            await t.ExpectAsync(V16Calls.StatusNotification, "idle", s => s.ConnectorId == c && s.Status == ChargePointStatus.Available).ConfigureAwait(false);
        }

        await t.SendAsync(V16Calls.ClearCache, new ClearCacheRequest(), "idle").ConfigureAwait(false);
    }
}
