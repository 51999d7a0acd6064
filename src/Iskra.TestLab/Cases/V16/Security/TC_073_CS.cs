using System.Security.Cryptography;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Security;

/// <summary>
/// OCTT 1.6 Table 88: the Central System sets a new Basic-auth password (AuthorizationKey); the station reconnects with it.
/// Iskra is told to accept the new password first (as an operator's rotation), and the reconnect shows as the station's
/// first login with it. The document's password is public, so afterwards the station gets a fresh random one.
/// </summary>
public sealed class TC_073_CS : LabCase
{
    /// <summary>"OCA_OCTT_admin_test" hex encoded, as the document sends it.</summary>
    private const string DocumentPassword = "4F43415F4F4354545F61646D696E5F74657374";

    public override CaseInfo Info { get; } = new("TC_073_CS", "Update Charge Point Password for HTTP Basic Authentication", "Security (1.6 security whitepaper)", "OCTT 1.6 §2.24.1")
    {
        Requirements = ["OCPP 1.6 security A01 Update Charge Point Password for HTTP Basic Authentication", "OCPP 1.6 security A00.FR.205 AuthorizationKey"],
    };

    public override string? NotApplicableTo(Declared model) => Certificates.NeedsProfile(model, this, 1, 2);

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var changed = false;
        try
        {
            await t.Credentials.AcceptPasswordAsync(DocumentPassword, t.Cancellation).ConfigureAwait(false);
            var answer = await t.SendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = "AuthorizationKey", Value = DocumentPassword }, "1", "OCPP 1.6 security A01").ConfigureAwait(false);
            t.Require(answer.Status == ConfigurationStatus.Accepted, "2", "ChangeConfiguration.conf status is Accepted for AuthorizationKey", $"status is {answer.Status}",
                "Accept a new AuthorizationKey of 16 to 40 characters (1.6 security A00.FR.205, A01.FR.01) and use it as the Basic-auth password.", requirement: "OCPP 1.6 security A01");
            changed = true;
            var within = t.Settings.StationTimeout * 2;
            t.Check(await LoggedInAsync(t, DocumentPassword, within).ConfigureAwait(false), "3",
                "The Charge Point disconnects and reconnects to the Central System with the new password",
                $"no connection with the new password within {within.TotalSeconds:0} s (Iskra still accepts the old one until the first login with the new one)",
                "After accepting AuthorizationKey, close the connection (keep queued messages) and reconnect with Basic <base64(ChargePointId:new AuthorizationKey)> (1.6 security A01 scenario steps 3-4).",
                requirement: "OCPP 1.6 security A01");
        }
        finally
        {
            if (changed)
            {
                await FreshPasswordAsync(t).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Gives the station a random password that only Iskra's hash knows, so the document's public one does not stay.</summary>
    private static async Task FreshPasswordAsync(CaseContext t)
    {
        var fresh = RandomNumberGenerator.GetHexString(40);
        await t.Credentials.AcceptPasswordAsync(fresh, t.Cancellation).ConfigureAwait(false);
        try
        {
            var (_, answer) = await t.TrySendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = "AuthorizationKey", Value = fresh }, "cleanup").ConfigureAwait(false);
            if (answer?.Status == ConfigurationStatus.Accepted)
            {
                await LoggedInAsync(t, fresh, t.Settings.StationTimeout * 2).ConfigureAwait(false);
            }
        }
        catch (CaseStoppedException)
        {
            // the case's own verdict stands; the return to idle reports a station that did not come back
        }
    }

    private static async Task<bool> LoggedInAsync(CaseContext t, string password, TimeSpan within)
    {
        var deadline = t.Time.GetUtcNow() + within;
        while (t.Time.GetUtcNow() < deadline)
        {
            if (t.IsConnected && await t.Credentials.LoggedInWithAsync(password, t.Cancellation).ConfigureAwait(false))
            {
                return true;
            }

            await t.DelayAsync(TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
        }

        return false;
    }
}
