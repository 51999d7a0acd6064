using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp;

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
        var payload = new JsonObject { ["vendorId"] = body.RequiredString("vendorId") };
        if (body.OptionalString("messageId") is { } messageId)
        {
            payload["messageId"] = messageId;
        }

        if (body.OptionalNode("data") is { } data)
        {
            if (context.Version == OcppVersion.V16 && data.GetValueKind() != JsonValueKind.String)
            {
                throw CommandException.Invalid("$.data", "must be a string on an OCPP 1.6 station");
            }

            payload["data"] = data;
        }

        return ValueTask.FromResult(new CommandCall("DataTransfer", payload));
    }
}
