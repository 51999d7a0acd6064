using Iskra.Csms.Files;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.Firmware;

/// <summary>
/// <c>update-firmware {location? | firmwareId?, retrieveDate, retries?, retryInterval?}</c> (2.0.1 also
/// <c>installDate, signingCertificate, signature</c>) → 1.6 UpdateFirmware (§5.19); 2.0.1
/// UpdateFirmware (L01) with an allocated requestId. <c>firmwareId</c> sends the download URL of a
/// repository image. Each call is a tracked <see cref="FirmwareUpdate"/>.
/// </summary>
public sealed class UpdateFirmwareCommand(FirmwareRepository repository, FirmwareUpdates updates, FileLinks links) : StationCommand
{
    public override string Name => "update-firmware";

    public override IReadOnlyList<string> Fields { get; } = ["location", "firmwareId", "retrieveDate", "retries", "retryInterval", "installDate", "signingCertificate", "signature"];

    public override async ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var location = body.OptionalString("location");
        var firmwareId = body.OptionalInt("firmwareId");
        var retrieveDate = body.RequiredDateTime("retrieveDate");
        var retries = body.OptionalInt("retries");
        var retryInterval = body.OptionalInt("retryInterval");
        var installDate = body.OptionalDateTime("installDate");
        var signingCertificate = body.OptionalString("signingCertificate");
        var signature = body.OptionalString("signature");
        if ((location is null) == (firmwareId is null))
        {
            throw CommandException.Invalid("$.location", "give exactly one of location (a URL) and firmwareId (an image of the repository)");
        }

        if (location is not null && !Uri.TryCreate(location, UriKind.Absolute, out _))
        {
            throw CommandException.Invalid("$.location", "must be an absolute URI");
        }

        var v16 = context.Version == OcppVersion.V16;
        if (v16 && (installDate is not null || signingCertificate is not null || signature is not null))
        {
            throw CommandException.NotOnVersion(Name + " with installDate, signingCertificate or signature", "1.6", "Use the raw call SignedUpdateFirmware of the 1.6 security extension.");
        }

        if (!v16)
        {
            // 2.0.1 FirmwareType limits (official schema), checked before the update is stored.
            TooLong("location", location, 512);
            TooLong("signingCertificate", signingCertificate, 5500);
            TooLong("signature", signature, 800);
        }

        if (firmwareId is { } id)
        {
            var image = await repository.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw CommandException.Invalid("$.firmwareId", $"there is no firmware image {id}");
            var baseUrl = links.BaseUrl() ?? throw CommandException.NotConfigured(FileLinks.NoBaseUrl);
            location = FileLinks.Firmware(baseUrl, image.Id, image.Token, image.Name);
        }

        var update = await updates.CreateAsync(new FirmwareUpdate
        {
            StationId = context.StationId,
            FirmwareImageId = firmwareId,
            Location = location!,
            RetrieveDate = retrieveDate,
            InstallDate = installDate,
            Status = "Sent",
            Actor = context.Caller.Actor,
        }, withRequestId: !v16, cancellationToken).ConfigureAwait(false);

        var ids = new CommandIds(RequestId: update.RequestId, FirmwareUpdateId: update.Id);
        if (v16)
        {
            return CommandCall.Of(V16Calls.UpdateFirmware, new Ocpp16.UpdateFirmwareRequest
            {
                Location = update.Location,
                RetrieveDate = retrieveDate,
                Retries = retries,
                RetryInterval = retryInterval,
            }, update, ids);
        }

        return CommandCall.Of(V201Calls.UpdateFirmware, new Ocpp201.UpdateFirmwareRequest
        {
            RequestId = update.RequestId!.Value,
            Firmware = new Ocpp201.FirmwareType
            {
                Location = update.Location,
                RetrieveDateTime = retrieveDate,
                InstallDateTime = installDate,
                SigningCertificate = signingCertificate,
                Signature = signature,
            },
            Retries = retries,
            RetryInterval = retryInterval,
        }, update, ids);
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        await updates.AnsweredAsync(((FirmwareUpdate)sent.State!).Id, outcome.Status, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask FailedAsync(CommandContext context, CommandCall sent, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        await updates.FailedAsync(((FirmwareUpdate)sent.State!).Id, outcome, cancellationToken).ConfigureAwait(false);
    }

    private static void TooLong(string name, string? value, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            throw CommandException.Invalid("$." + name, $"must be at most {max} characters on OCPP 2.0.1");
        }
    }
}
