using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 30: after a remote start, a cable pushed in halfway is reported as ConnectorLockFailure and no transaction starts.</summary>
public sealed class TC_024_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_024_CS", "Start Charging Session - Lock Failure", "Core", "OCTT 1.6 §2.10.2")
    {
        Requirements = ["OCPP 1.6 §4.9 StatusNotification", "OCPP 1.6 §7.6 ChargePointErrorCode", "OCPP 1.6 §5.11 RemoteStartTransaction"],
    };

    public override string? NotApplicableTo(Declared model) =>
        base.NotApplicableTo(model) ?? (model.FixedCable ? "the model has a fixed cable: it cannot be plugged in halfway" : null);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        const string key = "AuthorizeRemoteTxRequests";
        var configuration = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = [key] }, "1").ConfigureAwait(false);
        var reported = configuration.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal));
        t.Check(reported is not null, "2", $"GetConfiguration.conf has configurationKey.key {key}", $"it reports {(configuration.ConfigurationKey is { Count: > 0 } keys ? string.Join(", ", keys.Select(k => k.Key)) : "no key")}" +
            (configuration.UnknownKey is { Count: > 0 } unknown ? $"; unknownKey: {string.Join(", ", unknown)}" : string.Empty),
            $"Report the required Core key {key} in GetConfiguration.conf (OCPP 1.6 §9.1.3).", requirement: "OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests");

        var answer = await t.SendAsync(V16Calls.RemoteStartTransaction, new RemoteStartTransactionRequest { ConnectorId = t.Connector, IdTag = t.Model.IdTag }, "3").ConfigureAwait(false);
        t.Require(answer.Status == RemoteStartStopStatus.Accepted, "4", "RemoteStartTransaction.conf status is Accepted", $"status is {answer.Status}",
            "Accept a RemoteStartTransaction.req for an available connector and wait for the cable (OCPP 1.6 §5.11).", requirement: "OCPP 1.6 §5.11");
        if (string.Equals(reported?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            await t.ExpectAsync(V16Calls.Authorize, "5", a => a.IdTag == t.Model.IdTag, requirement: "OCPP 1.6 §5.11: with AuthorizeRemoteTxRequests true the idTag is authorized first").ConfigureAwait(false);
        }

        var preparing = await t.ExpectAsync(V16Calls.StatusNotification, "7", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(preparing.Request.Status == ChargePointStatus.Preparing, "7", "StatusNotification.req status is Preparing after the accepted remote start",
            $"status is {preparing.Request.Status}", "Report Preparing once a remote start is accepted and the station waits for the cable (OCPP 1.6 §4.9, ChargePointStatus).", preparing.Call, "OCPP 1.6 §4.9");

        await t.ManualAsync(ManualAction.PlugInHalfway(t.Connector)).ConfigureAwait(false);
        var failure = await t.ExpectAsync(V16Calls.StatusNotification, "9", s => s.ConnectorId == t.Connector, requirement: "OCPP 1.6 §4.9").ConfigureAwait(false);
        t.Check(failure.Request.Status == ChargePointStatus.Faulted && failure.Request.ErrorCode == ChargePointErrorCode.ConnectorLockFailure, "9",
            "StatusNotification.req errorCode is ConnectorLockFailure and status is Faulted",
            $"errorCode is {failure.Request.ErrorCode}, status is {failure.Request.Status}",
            "When the cable cannot be locked, report status Faulted with errorCode ConnectorLockFailure (OCPP 1.6 §7.6: \"Failure to lock or unlock connector\") and do not start charging.",
            failure.Call, "OCPP 1.6 §7.6 ChargePointErrorCode");
        await t.ExpectNoneAsync(V16Calls.StartTransaction, "9", t.Settings.QuietPeriod, null,
            "The Charging Station does NOT start a transaction", "Do not start a transaction while the connector lock has failed (OCPP 1.6 §7.6 ConnectorLockFailure).", "OCPP 1.6 §7.6").ConfigureAwait(false);
    }
}
