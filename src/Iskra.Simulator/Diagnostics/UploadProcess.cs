using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Diagnostics;

/// <summary>
/// A station's log upload, version-neutral (1.6 §5.9/§6.25 GetDiagnostics, 1.6 security and 2.0.1
/// N01 GetLog): build the file, send it to the location over HTTP(S) and report each status. The
/// location is a directory (1.6 §6.25): one ending in '/' gets a PUT of the file under its name, any
/// other URL a multipart/form-data POST. The simulator has no FTP client: an ftp:// location fails.
/// A new request cancels the upload in progress (2.0.1 N01: AcceptedCanceled).
/// </summary>
internal sealed class UploadProcess(SimStation station)
{
    private static readonly ConditionalWeakTable<SimStation, UploadProcess> All = new();
    private readonly Lock _lock = new();
    private CancellationTokenSource? _current;

    public static UploadProcess Of(SimStation station) => All.GetValue(station, s => new UploadProcess(s));

    /// <summary>Starts <paramref name="job"/>; true when an upload in progress was cancelled for it.</summary>
    public bool Begin(UploadJob job)
    {
        var run = new CancellationTokenSource();
        bool cancelled;
        lock (_lock)
        {
            cancelled = _current is { IsCancellationRequested: false };
            _current?.Cancel();
            _current = run;
        }

        station.UploadRequestId = job.RequestId;
        _ = RunAsync(job, run);
        return cancelled;
    }

    private async Task RunAsync(UploadJob job, CancellationTokenSource run)
    {
        var token = run.Token;
        try
        {
            await Task.Delay(station.Options.ActionDelay, station.Time, token).ConfigureAwait(false);
            if (!Uri.TryCreate(job.Location, UriKind.Absolute, out var location) || !FileTransfers.Supports(location))
            {
                station.Log.Note($"Cannot upload to {job.Location}: only HTTP(S) locations are supported.");
                Finish(run);
                await ReportAsync(job, job.IsGetLog ? "NotSupportedOperation" : "UploadFailed", token).ConfigureAwait(false);
                return;
            }

            await ReportAsync(job, "Uploading", token).ConfigureAwait(false);
            var file = DiagnosticsFile.Build(station, job);
            for (var attempt = 1; ; attempt++)
            {
                if (await UploadAsync(location, job.FileName, file, attempt, job.Attempts, token).ConfigureAwait(false))
                {
                    Finish(run);
                    await ReportAsync(job, "Uploaded", token).ConfigureAwait(false);
                    return;
                }

                if (attempt >= job.Attempts)
                {
                    Finish(run);
                    await ReportAsync(job, job.IsGetLog ? "UploadFailure" : "UploadFailed", token).ConfigureAwait(false);
                    return;
                }

                await Task.Delay(job.RetryInterval, station.Time, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            station.Log.Note($"Upload of {job.FileName} cancelled.");
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

    /// <summary>The upload's outcome is known: a new request no longer cancels it.</summary>
    private void Finish(CancellationTokenSource run)
    {
        lock (_lock)
        {
            if (_current == run)
            {
                _current = null;
            }
        }
    }

    private async Task<bool> UploadAsync(Uri location, string fileName, byte[] file, int attempt, int attempts, CancellationToken token)
    {
        try
        {
            using var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            HttpResponseMessage response;
            if (location.AbsolutePath.EndsWith('/'))
            {
                response = await FileTransfers.Http.PutAsync(new Uri(location, Uri.EscapeDataString(fileName)), content, token).ConfigureAwait(false);
            }
            else
            {
                using var form = new MultipartFormDataContent { { content, "file", fileName } };
                response = await FileTransfers.Http.PostAsync(location, form, token).ConfigureAwait(false);
            }

            using (response)
            {
                station.Log.Note($"Upload attempt {attempt} of {attempts} of {fileName} ({file.Length} bytes) to {location}: HTTP {(int)response.StatusCode}.");
                return response.IsSuccessStatusCode;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !token.IsCancellationRequested))
        {
            station.Log.Note($"Upload attempt {attempt} of {attempts} of {fileName} to {location} failed: {ex.Message}");
            return false;
        }
    }

    /// <summary>1.6 DiagnosticsStatusNotification {status}; GetLog: LogStatusNotification {status, requestId}.</summary>
    private async Task ReportAsync(UploadJob job, string status, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        station.UploadStatus = status;
        station.UploadRequestId = job.RequestId;
        var action = job.IsGetLog ? "LogStatusNotification" : "DiagnosticsStatusNotification";
        await Deliveries.SendAsync(station, action, () =>
        {
            var payload = new JsonObject { ["status"] = status };
            if (job.RequestId is { } requestId)
            {
                payload["requestId"] = requestId;
            }

            return payload;
        }, token).ConfigureAwait(false);
    }
}
