using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16;

/// <summary>
/// The OCPP 1.6 suite: the charge-point cases of OCA's OCTT test case document (FINAL 2024-04), the
/// ones it does not run with the reason, the lab's default answers as a 1.6 Central System, and the
/// return to the document's general preconditions (§1.3) after each case.
/// </summary>
public sealed class V16Suite : ISuite
{
    public string Name => "ocpp1.6";

    public OcppVersion Version => OcppVersion.V16;

    public IReadOnlyList<LabCase> Cases { get; } = V16Cases.All;

    public IReadOnlyDictionary<string, NotApplicable> NotApplicable { get; } = V16Cases.NotApplicable;

    public IReadOnlyList<CaseInfo> NotYetBuilt { get; } = [.. V16Cases.NotYetBuilt.Select(c => new CaseInfo(c.Id, c.Title, c.Profile, "OCTT 1.6"))];

    public void InstallDefaults(Answers answers, RunState state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        var accepted = new IdTagInfo { Status = AuthorizationStatus.Accepted };
        answers.Default(V16Calls.BootNotification, _ =>
        {
            state.LastBootAt = time.GetUtcNow();
            return new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = time.GetUtcNow(), Interval = state.HeartbeatInterval };
        });
        answers.Default(V16Calls.Heartbeat, _ => new HeartbeatResponse { CurrentTime = time.GetUtcNow() });
        answers.Default(V16Calls.Authorize, _ => new AuthorizeResponse { IdTagInfo = accepted });
        answers.Default(V16Calls.StartTransaction, r => new StartTransactionResponse { IdTagInfo = accepted, TransactionId = state.Started(r.ConnectorId) });
        answers.Default(V16Calls.StopTransaction, _ => new StopTransactionResponse { IdTagInfo = accepted });
        answers.Default(V16Calls.StatusNotification, _ => new StatusNotificationResponse());
        answers.Default(V16Calls.MeterValues, _ => new MeterValuesResponse());
        answers.Default(V16Calls.DataTransfer, _ => new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });
        answers.Default(V16Calls.DiagnosticsStatusNotification, _ => new DiagnosticsStatusNotificationResponse());
        answers.Default(V16Calls.FirmwareStatusNotification, _ => new FirmwareStatusNotificationResponse());
        answers.Default(V16Calls.SecurityEventNotification, _ => new SecurityEventNotificationResponse());
        answers.Default(V16Calls.SignedFirmwareStatusNotification, _ => new SignedFirmwareStatusNotificationResponse());
        answers.Default(V16Calls.LogStatusNotification, _ => new LogStatusNotificationResponse());
        answers.Default(V16Calls.SignCertificate, _ => new SignCertificateResponse { Status = GenericStatusEnumType.Accepted });
    }

    public void Observe(RunState state, ReceivedCall received)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(received);
        var payload = received.Payload;
        switch (received.Action)
        {
            case "StatusNotification" when payload.TryGetProperty("connectorId", out var c) && payload.TryGetProperty("status", out var s):
                state.ConnectorStatus[c.GetInt32()] = s.GetString() ?? "Unknown";
                break;
            case "StopTransaction" when payload.TryGetProperty("transactionId", out var tx) && tx.ValueKind == JsonValueKind.Number:
                state.OpenTransactions.TryRemove(tx.GetInt32(), out _);
                break;
            case "BootNotification":
                state.OpenTransactions.Clear(); // a rebooted station ends its transactions with StopTransaction(PowerLoss/Reboot) or not at all
                break;
        }
    }

    public Task SurveyAsync(CaseContext t) => Survey.RunAsync(t);

    public Task ReturnToIdleAsync(CaseContext t) => Idle.ReturnAsync(t);
}
