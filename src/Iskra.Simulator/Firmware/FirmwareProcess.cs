using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Iskra.Ocpp;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Firmware;

/// <summary>
/// A station's firmware update, version-neutral: wait for the retrieve date, download over HTTP(S),
/// verify a signature when one is given, check the image fits the station (<see cref="FirmwareImages"/>),
/// install, reboot into the new version and report Installed
/// after the new boot (1.6 §5.19/§6.51, 1.6 security "Signed firmware update", 2.0.1 L01/L02).
/// A new update cancels the one in progress (2.0.1 L01: AcceptedCanceled).
/// </summary>
internal sealed class FirmwareProcess(SimStation station)
{
    private static readonly ConditionalWeakTable<SimStation, FirmwareProcess> All = new();
    private readonly Lock _lock = new();
    private CancellationTokenSource? _current;

    public static FirmwareProcess Of(SimStation station) => All.GetValue(station, s => new FirmwareProcess(s));

    /// <summary>Starts <paramref name="job"/>; true when an update in progress was cancelled for it.</summary>
    public bool Begin(FirmwareJob job)
    {
        var run = new CancellationTokenSource();
        bool cancelled;
        lock (_lock)
        {
            cancelled = _current is { } previous && !previous.IsCancellationRequested;
            _current?.Cancel();
            _current = run;
        }

        if (cancelled)
        {
            station.Log.Note("The firmware update in progress was cancelled for a new one.");
        }

        station.FirmwareRequestId = job.RequestId;
        _ = RunAsync(job, run);
        return cancelled;
    }

    private async Task RunAsync(FirmwareJob job, CancellationTokenSource run)
    {
        var token = run.Token;
        try
        {
            var wait = job.RetrieveAt - station.Now;
            await Task.Delay(wait > station.Options.ActionDelay ? wait : station.Options.ActionDelay, station.Time, token).ConfigureAwait(false);
            await ReportAsync(job, "Downloading", token).ConfigureAwait(false);
            var image = await DownloadAsync(job, token).ConfigureAwait(false);
            if (image is null)
            {
                Finish(run);
                await ReportAsync(job, "DownloadFailed", token).ConfigureAwait(false);
                return;
            }

            await ReportAsync(job, "Downloaded", token).ConfigureAwait(false);
            if (job.Signature is not null)
            {
                if (!FirmwareSignature.Verifies(job.SigningCertificate, job.Signature, image))
                {
                    // 1.6 security / 2.0.1 L01: InvalidSignature and the security event.
                    Finish(run);
                    await ReportAsync(job, "InvalidSignature", token).ConfigureAwait(false);
                    await SecurityEventAsync("InvalidFirmwareSignature", token).ConfigureAwait(false);
                    return;
                }

                await ReportAsync(job, "SignatureVerified", token).ConfigureAwait(false);
            }

            if (job.Secure && job.InstallAt is { } installAt && installAt > station.Now)
            {
                await ReportAsync(job, "InstallScheduled", token).ConfigureAwait(false);
                await Task.Delay(installAt - station.Now, station.Time, token).ConfigureAwait(false);
            }

            await ReportAsync(job, "Installing", token).ConfigureAwait(false);
            if (FirmwareImages.Refusal(image, station.Options.Model) is { } refusal)
            {
                // 1.6 §7.25 / 2.0.1 L01: InstallationFailed; the old firmware stays and runs on, no reboot.
                Finish(run);
                station.Log.Note($"Firmware from {job.Location} cannot be installed: {refusal}.");
                await ReportAsync(job, "InstallationFailed", token).ConfigureAwait(false);
                return;
            }

            var version = FirmwareVersions.Of(new Uri(job.Location), image, station.FirmwareVersion);
            if (job.Secure)
            {
                await ReportAsync(job, "InstallRebooting", token).ConfigureAwait(false);
            }

            if (!Finish(run))
            {
                return; // cancelled just now
            }

            station.Log.Note($"Installing firmware {version} (was {station.FirmwareVersion}).");
            await station.LockedAsync(() => station.FirmwareVersion = version).ConfigureAwait(false);
            await station.RebootAsync("FirmwareUpdate", "Reboot", station.Options.RebootDowntime).ConfigureAwait(false);
            if (job.Secure)
            {
                await SecurityEventAsync("FirmwareUpdated", CancellationToken.None).ConfigureAwait(false);
            }

            await ReportAsync(job, "Installed", CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            station.Log.Note($"Firmware update from {job.Location} cancelled.");
        }
        catch (ObjectDisposedException)
        {
            // The station was disposed while the process ran.
        }
        finally
        {
            Finish(run);
            run.Dispose();
        }
    }

    /// <summary>The update is past the point of cancelling (its outcome is known, or it installs now); false when it was cancelled first.</summary>
    private bool Finish(CancellationTokenSource run)
    {
        lock (_lock)
        {
            if (_current == run)
            {
                _current = null;
            }

            return !run.IsCancellationRequested;
        }
    }

    private async Task<byte[]?> DownloadAsync(FirmwareJob job, CancellationToken token)
    {
        if (!Uri.TryCreate(job.Location, UriKind.Absolute, out var uri) || !FileTransfers.Supports(uri))
        {
            station.Log.Note($"Firmware location {job.Location} is not an HTTP(S) URL this station can download from.");
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var image = await FileTransfers.Http.GetByteArrayAsync(uri, token).ConfigureAwait(false);
                station.Log.Note($"Firmware downloaded from {job.Location}: {image.Length} bytes, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(image))}.");
                return image;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !token.IsCancellationRequested))
            {
                station.Log.Note($"Firmware download attempt {attempt} of {job.Attempts} from {job.Location} failed: {ex.Message}");
            }

            if (attempt >= job.Attempts)
            {
                return null;
            }

            await Task.Delay(job.RetryInterval, station.Time, token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// 1.6 FirmwareStatusNotification {status}; 1.6 security SignedFirmwareStatusNotification and 2.0.1
    /// FirmwareStatusNotification {status, requestId} (the FirmwareStatusWithoutRequestId fault drops it).
    /// </summary>
    private async Task ReportAsync(FirmwareJob job, string status, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        station.FirmwareStatus = status;
        station.FirmwareRequestId = job.RequestId;
        var action = job.Secure && station.Version == OcppVersion.V16 ? "SignedFirmwareStatusNotification" : "FirmwareStatusNotification";
        var withRequestId = job.RequestId is not null && !station.Faults.IsOn(StationFault.FirmwareStatusWithoutRequestId);
        await Deliveries.SendAsync(station, action, () =>
        {
            var payload = new JsonObject { ["status"] = status };
            if (withRequestId)
            {
                payload["requestId"] = job.RequestId;
            }

            return payload;
        }, token).ConfigureAwait(false);
    }

    private Task SecurityEventAsync(string type, CancellationToken token) => FirmwareEvents.SendAsync(station, type, token);
}
