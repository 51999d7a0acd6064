using System.Text;
using Iskra.Csms.Diagnostics;
using Iskra.Csms.Files;
using Iskra.Csms.Firmware;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.TestLab.Files;

/// <summary>
/// The file locations of the firmware and diagnostics cases (the document's "Firmware Download URL" and
/// "Configured log location" test data), served by Iskra itself so that a run needs no other server.
/// </summary>
public sealed class LabFiles(FileLinks links, FirmwareRepository firmware, UploadService uploads, IDbContextFactory<IskraDbContext> contexts)
{
    private const string Actor = "test lab";

    /// <summary>Iskra's address for stations, without a trailing slash; null when it has none (then these cases cannot run).</summary>
    public string? BaseUrl => links.BaseUrl();

    /// <summary>Stores a firmware image named <paramref name="name"/> whose content names <paramref name="version"/>, and returns its download URL.</summary>
    public async Task<string> FirmwareAsync(string baseUrl, string name, string version, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(FirmwareImage(version));
        var image = await firmware.AddAsync(name, content, Actor, cancellationToken).ConfigureAwait(false);
        return FileLinks.Firmware(baseUrl, image.Id, image.Token, image.Name);
    }

    /// <summary>The bytes of the image <see cref="FirmwareAsync"/> stores for <paramref name="version"/> (what a signature is calculated over).</summary>
    public static byte[] FirmwareImage(string version) => Encoding.UTF8.GetBytes($"version={version}\nIskra test lab firmware image\n");

    /// <summary>
    /// A new upload request of a log (1.6 security GetLog, N01): its id, the OCPP requestId Iskra gave it, and the
    /// folder URL the station uploads to.
    /// </summary>
    public async Task<(long Id, int RequestId, string Location)> LogUploadAsync(string baseUrl, string stationId, string logType, CancellationToken cancellationToken)
    {
        var request = await uploads.CreateAsync(stationId, UploadService.Log, logType, null, baseUrl, Actor, cancellationToken).ConfigureAwait(false);
        return (request.Id, request.RequestId ?? checked((int)request.Id), request.Location);
    }

    /// <summary>
    /// Stores a firmware image named <paramref name="name"/> that no station can install: its header says it is built
    /// for no charge point model ("model=none"), and it is not any vendor's image format. Returns its download URL.
    /// </summary>
    public async Task<string> UnsupportedFirmwareAsync(string baseUrl, string name, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("model=none\nversion=lab-unsupported\nIskra test lab firmware image built for no charge point model: it must not be installed\n"));
        var image = await firmware.AddAsync(name, content, Actor, cancellationToken).ConfigureAwait(false);
        return FileLinks.Firmware(baseUrl, image.Id, image.Token, image.Name);
    }

    /// <summary>A new upload request of the station's diagnostics; returns its id and the folder URL the station uploads to.</summary>
    public async Task<(long Id, string Location)> UploadAsync(string baseUrl, string stationId, CancellationToken cancellationToken)
    {
        var request = await uploads.CreateAsync(stationId, UploadService.Diagnostics, null, null, baseUrl, Actor, cancellationToken).ConfigureAwait(false);
        return (request.Id, request.Location);
    }

    /// <summary>The size of the file that arrived on upload request <paramref name="uploadId"/>'s URL, or null when none did.</summary>
    public async Task<long?> ReceivedAsync(long uploadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var file = await db.StationFiles.AsNoTracking().FirstOrDefaultAsync(f => f.UploadRequestId == uploadId, cancellationToken).ConfigureAwait(false);
        return file?.Size;
    }

    /// <summary>A firmware URL on Iskra that answers 404 (no such image): a download that fails.</summary>
    public static string MissingFirmware(string baseUrl, string name) => $"{baseUrl}{FileLinks.FirmwarePath}0/no-such-image/{Uri.EscapeDataString(name)}";

    /// <summary>An upload folder URL on Iskra that answers 404 (no such upload request): an upload that fails.</summary>
    public static string MissingUpload(string baseUrl) => $"{baseUrl}{FileLinks.UploadsPath}no-such-upload/";
}
