using System.Text.Json;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>data-transfer {vendorId, messageId?, data?}</c> → DataTransfer on both versions (1.6 §5.6, 2.0.1 P01).
/// 1.6 data is a string; 2.0.1 data may be any JSON value and is passed through as given.
/// </summary>
public sealed class DataTransferCommand : StationCommand
{
    public override string Name => "data-transfer";

    public override IReadOnlyList<string> Fields { get; } = ["vendorId", "messageId", "data"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var vendorId = body.RequiredString("vendorId");
        var messageId = body.OptionalString("messageId");
        var data = body.OptionalElement("data");
        if (context.Version == OcppVersion.V201)
        {
            return ValueTask.FromResult(CommandCall.Of(V201Calls.DataTransfer, new Ocpp201.DataTransferRequest { VendorId = vendorId, MessageId = messageId, Data = data }));
        }

        if (data is { ValueKind: not JsonValueKind.String })
        {
            throw CommandException.Invalid("$.data", "must be a string on an OCPP 1.6 station");
        }

        return ValueTask.FromResult(CommandCall.Of(V16Calls.DataTransfer, new Ocpp16.DataTransferRequest { VendorId = vendorId, MessageId = messageId, Data = data?.GetString() }));
    }
}
