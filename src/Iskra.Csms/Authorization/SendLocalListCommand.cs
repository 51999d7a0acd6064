using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Microsoft.EntityFrameworkCore;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.Authorization;

/// <summary>
/// <c>send-local-list {listVersion, updateType, localAuthorizationList? | fromIdTags: true}</c> → 1.6
/// SendLocalList; 2.0.1 SendLocalList {versionNumber, updateType, localAuthorizationList of idToken /
/// idTokenInfo} (D01). <c>fromIdTags</c> (Iskra's own) sends Iskra's whole id-tag table as a Full list.
/// An accepted list is stored with its version.
/// </summary>
public sealed class SendLocalListCommand(LocalListService lists, IDbContextFactory<IskraDbContext> contexts) : StationCommand
{
    public override string Name => "send-local-list";

    public override IReadOnlyList<string> Fields { get; } = ["listVersion", "updateType", "localAuthorizationList", "fromIdTags"];

    public override async ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var version = body.RequiredInt("listVersion");
        var fromIdTags = body.OptionalNode("fromIdTags") switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw CommandException.Invalid("$.fromIdTags", "must be true or false"),
        };
        List<LocalListEntry> entries;
        string updateType;
        if (fromIdTags)
        {
            updateType = body.OptionalEnum("updateType", "Full") ?? "Full";
            if (body.Has("localAuthorizationList"))
            {
                throw CommandException.Invalid("$.localAuthorizationList", "give either localAuthorizationList or fromIdTags, not both");
            }

            entries = await FromIdTagsAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            updateType = body.RequiredEnum("updateType", "Full", "Differential");
            entries = LocalListBody.Parse(body.OptionalNode("localAuthorizationList"), updateType == "Full");
        }

        var sent = new SentList(version, updateType == "Full", entries);
        var full = updateType == "Full";

        // 2.0.1 wants at least one item when the list is there; an empty list is the list left out.
        if (context.Version == OcppVersion.V16)
        {
            return CommandCall.Of(V16Calls.SendLocalList, new Ocpp16.SendLocalListRequest
            {
                ListVersion = version,
                UpdateType = full ? Ocpp16.UpdateType.Full : Ocpp16.UpdateType.Differential,
                LocalAuthorizationList = entries.Count > 0 ? [.. entries.Select(V16Entry)] : null,
            }, sent);
        }

        return CommandCall.Of(V201Calls.SendLocalList, new Ocpp201.SendLocalListRequest
        {
            VersionNumber = version,
            UpdateType = full ? Ocpp201.UpdateEnumType.Full : Ocpp201.UpdateEnumType.Differential,
            LocalAuthorizationList = entries.Count > 0 ? await V201ListAsync(entries, cancellationToken).ConfigureAwait(false) : null,
        }, sent);
    }

    public override async ValueTask ApplyAsync(CommandContext context, CommandCall sent, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == "Accepted" && sent.State is SentList list)
        {
            await lists.AcceptedAsync(context.StationId, list.Version, list.Full, list.Entries, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<LocalListEntry>> FromIdTagsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tags = await db.IdTags.AsNoTracking().OrderBy(t => t.Value).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. tags.Select(t => new LocalListEntry(t.Value, new LocalIdTagInfo(t.Status.ToString(), t.ExpiryDate, t.ParentIdTag)))];
    }

    private static Ocpp16.AuthorizationData V16Entry(LocalListEntry entry, int index) => new()
    {
        IdTag = entry.IdTag,
        IdTagInfo = entry.IdTagInfo is { } info
            ? new Ocpp16.IdTagInfo
            {
                Status = CommandJson.Enum(info.Status, Ocpp16.V16JsonContext.Default.AuthorizationStatus, $"$.localAuthorizationList[{index}].idTagInfo.status"),
                ExpiryDate = info.ExpiryDate,
                ParentIdTag = info.ParentIdTag,
            }
            : null,
    };

    private async Task<List<Ocpp201.AuthorizationData>> V201ListAsync(List<LocalListEntry> entries, CancellationToken cancellationToken)
    {
        var types = await IdTokenTypes.StoredAsync(contexts, [.. entries.Select(e => e.IdTag)], cancellationToken).ConfigureAwait(false);
        return [.. entries.Select((entry, i) => new Ocpp201.AuthorizationData
        {
            IdToken = IdTokenTypes.Token(entry.IdTag, types.GetValueOrDefault(entry.IdTag, IdTokenTypes.Default), $"$.localAuthorizationList[{i}].idToken.type"),
            IdTokenInfo = entry.IdTagInfo is { } info
                ? new Ocpp201.IdTokenInfoType
                {
                    Status = CommandJson.Enum(info.Status, Ocpp201.V201JsonContext.Default.AuthorizationStatusEnumType, $"$.localAuthorizationList[{i}].idTokenInfo.status"),
                    CacheExpiryDateTime = info.ExpiryDate,
                    GroupIdToken = info.ParentIdTag is { } parent ? IdTokenTypes.Token(parent, IdTokenTypes.Default, $"$.localAuthorizationList[{i}].idTokenInfo.groupIdToken.type") : null,
                }
                : null,
        })];
    }

    private sealed record SentList(int Version, bool Full, IReadOnlyList<LocalListEntry> Entries);
}
