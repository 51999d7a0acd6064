namespace Iskra.Csms.DataTransfer;

/// <summary>
/// The answer to a DataTransfer, version-neutral. <paramref name="Status"/> is one of the
/// DataTransferStatus wire names: Accepted, Rejected, UnknownMessageId, UnknownVendorId.
/// </summary>
public sealed record DataTransferReply(string Status, string? Data = null)
{
    public const string AcceptedStatus = "Accepted";
    public const string RejectedStatus = "Rejected";
    public const string UnknownMessageIdStatus = "UnknownMessageId";
    public const string UnknownVendorIdStatus = "UnknownVendorId";

    /// <summary>1.6 §4.3: no implementation for the vendor id; "the data element SHALL not be present".</summary>
    public static DataTransferReply UnknownVendorId { get; } = new(UnknownVendorIdStatus);

    /// <summary>1.6 §4.3: "In case of a messageId mismatch (if used) the recipient SHALL return status 'UnknownMessageId'".</summary>
    public static DataTransferReply UnknownMessageId { get; } = new(UnknownMessageIdStatus);

    public static DataTransferReply Accepted(string? data = null) => new(AcceptedStatus, data);

    public static DataTransferReply Rejected(string? data = null) => new(RejectedStatus, data);
}
