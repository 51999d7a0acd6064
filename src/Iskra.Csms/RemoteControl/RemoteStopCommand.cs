using System.Globalization;
using System.Text.Json;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>remote-stop {transactionId}</c> (the OCPP id, a JSON number or string) → 1.6
/// RemoteStopTransaction (an integer id); 2.0.1 RequestStopTransaction (F03, a string id). A transaction
/// Iskra does not know is still sent: the station is the authority, and may run a session started offline.
/// </summary>
public sealed class RemoteStopCommand : StationCommand
{
    public override string Name => "remote-stop";

    public override IReadOnlyList<string> Fields { get; } = ["transactionId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        context.ThrowIfPending16(Name);
        var node = body.RequiredNode("transactionId");
        var text = node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            _ => throw CommandException.Invalid("$.transactionId", "must be a string or an integer"),
        };
        if (context.Version == OcppVersion.V201)
        {
            return ValueTask.FromResult(CommandCall.Of(V201Calls.RequestStopTransaction, new Ocpp201.RequestStopTransactionRequest { TransactionId = text }));
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? ValueTask.FromResult(CommandCall.Of(V16Calls.RemoteStopTransaction, new Ocpp16.RemoteStopTransactionRequest { TransactionId = id }))
            : throw CommandException.Invalid("$.transactionId", "must be an integer on an OCPP 1.6 station");
    }
}
