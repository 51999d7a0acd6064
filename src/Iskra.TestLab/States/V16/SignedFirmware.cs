using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.Security;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The secure firmware update steps of OCTT 1.6 §2.24.3 (1.6 security L01): the lab is the manufacturer too. It
/// installs a root of its own as ManufacturerRootCertificate, issues a firmware signing certificate from it, and
/// signs the image it serves (the document's test data "firmware location" and "Signature").
/// </summary>
public sealed class SignedFirmware : IDisposable
{
    private readonly List<Received<SignedFirmwareStatusNotificationRequest>> _statuses = [];

    private SignedFirmware(X509Certificate2 root, X509Certificate2 signer, int requestId)
    {
        Root = root;
        Signer = signer;
        RequestId = requestId;
    }

    /// <summary>The lab's manufacturer root, installed on the station for the case.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The firmware signing certificate (with its key), issued by <see cref="Root"/>.</summary>
    public X509Certificate2 Signer { get; }

    /// <summary>The requestId of the SignedUpdateFirmware.req.</summary>
    public int RequestId { get; }

    /// <summary>Makes the root and the signer and installs the root as ManufacturerRootCertificate (Accepted is required).</summary>
    public static async Task<SignedFirmware> PrepareAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var root = TestAuthority.Root("Iskra lab ManufacturerRootCertificate", TimeSpan.FromDays(365), t.Time.GetUtcNow());
        var prepared = new SignedFirmware(root, TestAuthority.FirmwareSigner(root), RandomNumberGenerator.GetInt32(1, int.MaxValue));
        try
        {
            await Certificates.InstallAsync(t, CertificateUseEnumType.ManufacturerRootCertificate, root, "prepare-1", "prepare-2").ConfigureAwait(false);
            return prepared;
        }
        catch
        {
            prepared.Dispose();
            throw;
        }
    }

    /// <summary>Step 1-2: SignedUpdateFirmware.req of <paramref name="location"/> with <paramref name="signature"/>; Accepted is required.</summary>
    public async Task SendAsync(CaseContext t, string location, string signature)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.SignedUpdateFirmware, new SignedUpdateFirmwareRequest
        {
            RequestId = RequestId,
            Retries = 1,
            Firmware = new FirmwareType { Location = location, RetrieveDateTime = t.Time.GetUtcNow(), SigningCertificate = TestAuthority.Pem(Signer), Signature = signature },
        }, "1", "OCPP 1.6 security L01 SignedUpdateFirmware").ConfigureAwait(false);
        t.Require(answer.Status == UpdateFirmwareStatusEnumType.Accepted, "2", "SignedUpdateFirmware.conf status is Accepted", $"status is {answer.Status}",
            "Validate the signing certificate against the installed ManufacturerRootCertificate (X.509 path rules, 1.6 security L01.FR.12/L01.FR.23) and accept a valid one; "
            + "InvalidCertificate only when it does not chain to an installed manufacturer root or is outside its validity (L01.FR.24).",
            requirement: "OCPP 1.6 security L01.FR.23");
    }

    /// <summary>The next SignedFirmwareStatusNotification.req that matches, checked to have <paramref name="expected"/>.</summary>
    public async Task<Received<SignedFirmwareStatusNotificationRequest>> StatusAsync(CaseContext t, FirmwareStatusEnumType expected, string step, string fix, Func<SignedFirmwareStatusNotificationRequest, bool>? match = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var status = await t.ExpectAsync(V16Calls.SignedFirmwareStatusNotification, step, match, FileTransfers.Transfer(t), "OCPP 1.6 security L01 SignedFirmwareStatusNotification").ConfigureAwait(false);
        _statuses.Add(status);
        t.Require(status.Request.Status == expected, step, $"SignedFirmwareStatusNotification.req status is {expected}", $"status is {status.Request.Status}", fix, status.Call, "OCPP 1.6 security L01.FR.01");
        return status;
    }

    /// <summary>Every status notification of the update carries its requestId (1.6 security L01.FR.10, L01.FR.21): one finding for all that do not.</summary>
    public void CheckRequestIds(CaseContext t, IReadOnlyDictionary<FirmwareStatusEnumType, string> steps)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(steps);
        var wrong = _statuses.Where(s => s.Request.RequestId != RequestId).ToList();
        if (wrong.Count == 0)
        {
            return;
        }

        var first = wrong[0];
        t.Check(false, steps.GetValueOrDefault(first.Request.Status, "1"), $"Every SignedFirmwareStatusNotification.req of the update carries requestId {RequestId} of the SignedUpdateFirmware.req",
            string.Join("; ", wrong.Select(s => $"{s.Request.Status}: " + (s.Request.RequestId is { } id ? $"requestId is {id}" : "requestId is absent"))),
            "Put the requestId of the SignedUpdateFirmware.req in every SignedFirmwareStatusNotification.req sent for that update (1.6 security L01.FR.10; mandatory unless status is Idle, L01.FR.21).",
            first.Call, "OCPP 1.6 security L01.FR.21");
    }

    /// <summary>Removes the root from the station (a refusal here is no finding).</summary>
    public Task RemoveAsync(CaseContext t) => Certificates.RemoveAsync(t, Root);

    public void Dispose()
    {
        Signer.Dispose();
        Root.Dispose();
    }
}
