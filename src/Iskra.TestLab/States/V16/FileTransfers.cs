using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Files;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>The firmware and diagnostics steps of OCTT 1.6 §2.18–2.19: where the files are, and the status notifications in their order.</summary>
public static class FileTransfers
{
    /// <summary>How long a download, an install with its reboot, or an upload may take before the lab gives up.</summary>
    public static TimeSpan Transfer(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Settings.StationTimeout * 4;
    }

    /// <summary>The lab's file locations and Iskra's address for stations; without them the case is skipped (its test data cannot be given).</summary>
    public static (LabFiles Files, string BaseUrl) Locations(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Files is not { } files)
        {
            throw new CaseStoppedException("this host offers no file locations for firmware and diagnostics", skipped: true);
        }

        return files.BaseUrl is { } baseUrl
            ? (files, baseUrl)
            : throw new CaseStoppedException("Iskra has no address stations can reach for files: set Files:PublicBaseUrl", skipped: true);
    }

    /// <summary>The next FirmwareStatusNotification.req, checked to have <paramref name="expected"/>.</summary>
    public static async Task<Received<FirmwareStatusNotificationRequest>> FirmwareStatusAsync(CaseContext t, FirmwareStatus expected, string step, string fix, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        var status = await t.ExpectAsync(V16Calls.FirmwareStatusNotification, step, within: within ?? Transfer(t), requirement: "OCPP 1.6 §4.5 FirmwareStatusNotification").ConfigureAwait(false);
        t.Require(status.Request.Status == expected, step, $"FirmwareStatusNotification.req status is {expected}", $"status is {status.Request.Status}", fix, status.Call, "OCPP 1.6 §4.5");
        return status;
    }

    /// <summary>The next DiagnosticsStatusNotification.req, checked to have <paramref name="expected"/>.</summary>
    public static async Task DiagnosticsStatusAsync(CaseContext t, DiagnosticsStatus expected, string step, string fix)
    {
        ArgumentNullException.ThrowIfNull(t);
        var status = await t.ExpectAsync(V16Calls.DiagnosticsStatusNotification, step, within: Transfer(t), requirement: "OCPP 1.6 §4.4 DiagnosticsStatusNotification").ConfigureAwait(false);
        t.Require(status.Request.Status == expected, step, $"DiagnosticsStatusNotification.req status is {expected}", $"status is {status.Request.Status}", fix, status.Call, "OCPP 1.6 §4.4");
    }
}
