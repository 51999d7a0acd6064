using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Microsoft.EntityFrameworkCore;

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

        var payload = context.Version == OcppVersion.V16
            ? new JsonObject { ["listVersion"] = version, ["updateType"] = updateType }
            : new JsonObject { ["versionNumber"] = version, ["updateType"] = updateType };
        if (entries.Count > 0)
        {
            // 2.0.1 wants at least one item when the list is there; an empty list is the list left out.
            payload["localAuthorizationList"] = context.Version == OcppVersion.V16
                ? new JsonArray([.. entries.Select(V16Entry)])
                : await V201ListAsync(entries, cancellationToken).ConfigureAwait(false);
        }

        return new CommandCall("SendLocalList", payload, new SentList(version, updateType == "Full", entries));
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

    private static JsonObject V16Entry(LocalListEntry entry)
    {
        var item = new JsonObject { ["idTag"] = entry.IdTag };
        if (entry.IdTagInfo is { } info)
        {
            var tagInfo = new JsonObject { ["status"] = info.Status };
            if (info.ExpiryDate is { } expiry)
            {
                tagInfo["expiryDate"] = Wire(expiry);
            }

            if (info.ParentIdTag is { } parent)
            {
                tagInfo["parentIdTag"] = parent;
            }

            item["idTagInfo"] = tagInfo;
        }

        return item;
    }

    private async Task<JsonArray> V201ListAsync(List<LocalListEntry> entries, CancellationToken cancellationToken)
    {
        var types = await IdTokenTypes.StoredAsync(contexts, [.. entries.Select(e => e.IdTag)], cancellationToken).ConfigureAwait(false);
        var list = new JsonArray();
        foreach (var entry in entries)
        {
            var item = new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = entry.IdTag, ["type"] = types.GetValueOrDefault(entry.IdTag, IdTokenTypes.Default) } };
            if (entry.IdTagInfo is { } info)
            {
                var tokenInfo = new JsonObject { ["status"] = info.Status };
                if (info.ExpiryDate is { } expiry)
                {
                    tokenInfo["cacheExpiryDateTime"] = Wire(expiry);
                }

                if (info.ParentIdTag is { } parent)
                {
                    tokenInfo["groupIdToken"] = new JsonObject { ["idToken"] = parent, ["type"] = IdTokenTypes.Default };
                }

                item["idTokenInfo"] = tokenInfo;
            }

            list.Add(item);
        }

        return list;
    }

    private static string Wire(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record SentList(int Version, bool Full, IReadOnlyList<LocalListEntry> Entries);
}
