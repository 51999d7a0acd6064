namespace Iskra.Csms.DataTransfer;

/// <summary>
/// Answers a station's DataTransfer for one vendor extension (1.6 §4.3, 2.0.1 P02), on both OCPP
/// versions. Registered with <c>services.AddSingleton&lt;IDataTransferHandler, X&gt;()</c>; the
/// <see cref="DataTransferHandlers"/> registry picks it by vendor id and message id.
/// </summary>
public interface IDataTransferHandler
{
    /// <summary>The vendor id it answers (1.6: CiString255, matched case-insensitively).</summary>
    string VendorId { get; }

    /// <summary>The message id it answers (CiString50, case-insensitive); null for every message of the vendor.</summary>
    string? MessageId { get; }

    /// <summary>
    /// Answers one request. <paramref name="data"/> is the request's data as text (2.0.1 data that is not a
    /// JSON string arrives as its JSON text). An exception reaches the station as InternalError.
    /// </summary>
    ValueTask<DataTransferReply> HandleAsync(string stationId, string? messageId, string? data, CancellationToken cancellationToken);
}
