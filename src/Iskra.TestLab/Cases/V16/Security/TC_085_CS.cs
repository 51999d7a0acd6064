using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>
/// OCTT 1.6 Table 100: after a reset the station connects with HTTP Basic authentication, boots and reports its connectors.
/// The lab runs inside Iskra: the upgrade request's header is checked by Iskra's admission (a station registered with
/// security profile 1 or 2 is admitted only with <c>Basic base64(ChargePointId:password)</c>, the id of the URL and
/// the password Iskra holds), so the station coming back proves step 1.
/// </summary>
public sealed class TC_085_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_085_CS", "Basic Authentication - Valid username/password combination", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.3")
    {
        Requirements = ["OCPP 1.6 security 2.3 Security profile 1 (A00.FR.201-205)", "OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override string? NotApplicableTo(Declared model) => Certificates.NeedsProfile(model, this, 1, 2);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var registered = await t.Credentials.RegisteredProfileAsync(t.Cancellation).ConfigureAwait(false);
        t.Require(registered is 1 or 2, "1", "Iskra admits the station only with HTTP Basic authentication (registered with security profile 1 or 2)",
            $"the station is registered in Iskra with security profile {registered}",
            "Register the station in Iskra with security profile 1 (or 2) and its password, so the Authorization header of its connection is verified.", requirement: "OCPP 1.6 security A00.FR.201");
        var reset = await t.SendAsync(V16Calls.Reset, new ResetRequest { Type = ResetType.Hard }, "reset", "OCPP 1.6 §5.14 Reset").ConfigureAwait(false);
        t.Require(reset.Status == ResetStatus.Accepted, "reset", "Reset.conf status is Accepted (the reusable state: the Charge Point is triggered to reset)", $"status is {reset.Status}",
            "Accept a Reset.req and reboot (OCPP 1.6 §5.14).", requirement: "OCPP 1.6 §5.14");
        await t.ExpectAsync(V16Calls.BootNotification, "3", within: t.Settings.StationTimeout * 2,
            requirement: "OCPP 1.6 security A00.FR.201: connect with AUTHORIZATION: Basic <Base64(<ChargePointId>:<AuthorizationKey>)>").ConfigureAwait(false);
        for (var connector = 0; connector <= t.Model.Connectors; connector++)
        {
            var c = connector;
            var status = await t.ExpectAsync(V16Calls.StatusNotification, "5", s => s.ConnectorId == c, requirement: "OCPP 1.6 §4.9: a StatusNotification per connector and connectorId 0 after boot").ConfigureAwait(false);
            t.Check(status.Request.Status == ChargePointStatus.Available, "5", $"StatusNotification.req of connector {c} has status Available", $"status is {status.Request.Status}",
                "After an accepted boot, report each idle connector (and connector 0) as Available (OCPP 1.6 §4.9).", status.Call, "OCPP 1.6 §4.9");
        }
    }
}
