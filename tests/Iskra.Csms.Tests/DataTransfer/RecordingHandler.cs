using Iskra.Csms.DataTransfer;

namespace Iskra.Csms.Tests.DataTransfer;

/// <summary>A vendor handler that keeps what it was asked and answers Accepted with its own name and the data.</summary>
public sealed class RecordingHandler(string vendorId, string? messageId, string name) : IDataTransferHandler
{
    private readonly List<(string StationId, string? MessageId, string? Data)> _calls = [];

    public string VendorId { get; } = vendorId;

    public string? MessageId { get; } = messageId;

    /// <summary>What the next answer is, when a test wants another one than Accepted.</summary>
    public Func<DataTransferReply>? Reply { get; set; }

    public IReadOnlyList<(string StationId, string? MessageId, string? Data)> Calls => _calls;

    public ValueTask<DataTransferReply> HandleAsync(string stationId, string? messageId, string? data, CancellationToken cancellationToken)
    {
        _calls.Add((stationId, messageId, data));
        return ValueTask.FromResult(Reply?.Invoke() ?? DataTransferReply.Accepted($"{name}:{data}"));
    }
}
