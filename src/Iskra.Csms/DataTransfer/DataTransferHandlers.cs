using System.Collections.Frozen;

namespace Iskra.Csms.DataTransfer;

/// <summary>
/// The vendor extensions Iskra answers, built once from every registered <see cref="IDataTransferHandler"/>.
/// A request goes to the handler of its exact (vendorId, messageId), else to the vendor's handler for
/// any message; a known vendor without either answers UnknownMessageId, an unknown vendor UnknownVendorId
/// (1.6 §4.3; TC_P_02_CSMS, P02.FR.06/07). Both ids compare case-insensitively: 1.6 types vendorId as
/// CiString255Type and messageId as CiString50Type (1.6 §6.15), and "String is case insensitive" (§7.17, §7.18).
/// </summary>
public sealed class DataTransferHandlers
{
    private readonly FrozenDictionary<string, Vendor> _vendors;

    public DataTransferHandlers(IEnumerable<IDataTransferHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var vendors = new Dictionary<string, Vendor>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in handlers)
        {
            if (string.IsNullOrWhiteSpace(handler.VendorId))
            {
                throw new InvalidOperationException($"{handler.GetType().Name} has no VendorId.");
            }

            if (!vendors.TryGetValue(handler.VendorId, out var vendor))
            {
                vendors[handler.VendorId] = vendor = new Vendor();
            }

            vendor.Add(handler);
        }

        _vendors = vendors.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The vendor ids that have a handler.</summary>
    public IReadOnlyCollection<string> VendorIds => _vendors.Keys;

    /// <summary>Answers one DataTransfer request from <paramref name="stationId"/>.</summary>
    /// <exception cref="InvalidOperationException">The handler answered a status that is not a DataTransferStatus.</exception>
    public async ValueTask<DataTransferReply> HandleAsync(string stationId, string vendorId, string? messageId, string? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vendorId);
        if (!_vendors.TryGetValue(vendorId, out var vendor))
        {
            return DataTransferReply.UnknownVendorId;
        }

        var handler = vendor.Find(messageId);
        if (handler is null)
        {
            return DataTransferReply.UnknownMessageId;
        }

        var reply = await handler.HandleAsync(stationId, messageId, data, cancellationToken).ConfigureAwait(false);
        return reply?.Status is DataTransferReply.AcceptedStatus or DataTransferReply.RejectedStatus
            or DataTransferReply.UnknownMessageIdStatus or DataTransferReply.UnknownVendorIdStatus
            ? reply
            : throw new InvalidOperationException($"{handler.GetType().Name} answered status '{reply?.Status}', which is not a DataTransferStatus.");
    }

    /// <summary>The handlers of one vendor: per message id, and the one for any message.</summary>
    private sealed class Vendor
    {
        private readonly Dictionary<string, IDataTransferHandler> _messages = new(StringComparer.OrdinalIgnoreCase);
        private IDataTransferHandler? _any;

        public void Add(IDataTransferHandler handler)
        {
            var taken = handler.MessageId is { } id ? !_messages.TryAdd(id, handler) : _any is not null;
            if (taken)
            {
                throw new InvalidOperationException(
                    $"Two DataTransfer handlers for vendor '{handler.VendorId}', message '{handler.MessageId ?? "(any)"}': {handler.GetType().Name} and another.");
            }

            if (handler.MessageId is null)
            {
                _any = handler;
            }
        }

        public IDataTransferHandler? Find(string? messageId) =>
            messageId is not null && _messages.TryGetValue(messageId, out var exact) ? exact : _any;
    }
}
