using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 11: an id tag in the authorization cache starts a remote transaction with the cable in.</summary>
public sealed class TC_007_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_007_CS", "Regular Start Charging Session – Cached Id", "Core", "OCTT 1.6 §2.4.1")
    {
        Requirements = ["OCPP 1.6 §3.5 Authorization Cache", "OCPP 1.6 §5.11 RemoteStartTransaction", "OCPP 1.6 §4.8 StartTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.CardReader ? null : "the model has no card reader (the id tag is cached by a charging session started with a card)");

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        await AuthorizationCache.RequireAsync(t).ConfigureAwait(false);
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "AuthorizationCacheEnabled", "true", "before").ConfigureAwait(false);
            await keys.SetAsync(t, "AuthorizeRemoteTxRequests", "true", "before", ifImplemented: true).ConfigureAwait(false);
            await keys.SetAsync(t, "LocalPreAuthorize", "true", "before").ConfigureAwait(false);
            await AuthorizationCache.IdTagCachedAsync(t, c, t.Model.IdTag).ConfigureAwait(false);

            await Charging.EvConnectedAsync(t, c).ConfigureAwait(false);
            var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = c, IdTag = t.Model.IdTag }, "3").ConfigureAwait(false);
            t.Require(answer.Status == RemoteStartStopStatus.Accepted, "4", "RemoteStartTransaction.conf status is Accepted", $"status is {answer.Status}",
                "Accept a RemoteStartTransaction.req for an available connector with an EV plugged in; with the id tag in the cache and LocalPreAuthorize, start at once (OCPP 1.6 §5.11, §9.1.13).", requirement: "OCPP 1.6 §5.11");
            await Charging.StartedAsync(t, c, t.Model.IdTag).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
