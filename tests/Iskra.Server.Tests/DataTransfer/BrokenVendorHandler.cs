using Iskra.Csms.DataTransfer;

namespace Iskra.Server.Tests.DataTransfer;

/// <summary>A vendor extension whose back end is down: every request throws.</summary>
public sealed class BrokenVendorHandler : IDataTransferHandler
{
    public string VendorId => "com.example.broken";

    public string? MessageId => null;

    public ValueTask<DataTransferReply> HandleAsync(string stationId, string? messageId, string? data, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("secret back-end detail");
}
