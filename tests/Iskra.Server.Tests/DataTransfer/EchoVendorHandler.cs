using Iskra.Csms.DataTransfer;

namespace Iskra.Server.Tests.DataTransfer;

/// <summary>The test's vendor extension: message "Echo" of vendor "com.example.echo" is Accepted with the data back, prefixed.</summary>
public sealed class EchoVendorHandler : IDataTransferHandler
{
    public const string Vendor = "com.example.echo";

    public string VendorId => Vendor;

    public string? MessageId => "Echo";

    public ValueTask<DataTransferReply> HandleAsync(string stationId, string? messageId, string? data, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DataTransferReply.Accepted($"{stationId} heard {data}"));
}
