using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp.Json;

namespace Iskra.Csms.Authorization;

/// <summary>Reads the <c>localAuthorizationList</c> of a send-local-list body (1.6 AuthorizationData), naming the field of each problem.</summary>
public static class LocalListBody
{
    public static List<LocalListEntry> Parse(JsonNode? node, bool full)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray items)
        {
            throw CommandException.Invalid("$.localAuthorizationList", "must be an array of {idTag, idTagInfo?}");
        }

        var entries = new List<LocalListEntry>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.localAuthorizationList[{i}]";
            if (items[i] is not JsonObject item)
            {
                throw CommandException.Invalid(path, "must be an object {idTag, idTagInfo?}");
            }

            var idTag = String(item, "idTag", path) ?? throw CommandException.Invalid(path + ".idTag", "is required (a string)");
            if (!seen.Add(idTag))
            {
                throw CommandException.Invalid(path + ".idTag", $"'{idTag}' is listed twice; idTags must be unique (1.6 §6.41)");
            }

            LocalIdTagInfo? info = null;
            if (item["idTagInfo"] is { } infoNode)
            {
                var infoPath = path + ".idTagInfo";
                if (infoNode is not JsonObject infoObject)
                {
                    throw CommandException.Invalid(infoPath, "must be an object {status, expiryDate?, parentIdTag?}");
                }

                var status = String(infoObject, "status", infoPath) ?? throw CommandException.Invalid(infoPath + ".status", "is required (a string)");
                var expiryText = String(infoObject, "expiryDate", infoPath);
                DateTimeOffset? expiry = null;
                if (expiryText is not null)
                {
                    expiry = OcppDateTime.TryParse(expiryText, zoneOptional: true, out var at)
                        ? at.ToUniversalTime()
                        : throw CommandException.Invalid(infoPath + ".expiryDate", "must be an RFC 3339 date-time");
                }

                info = new LocalIdTagInfo(status, expiry, String(infoObject, "parentIdTag", infoPath));
            }
            else if (full)
            {
                // 1.6 §7.1: idTagInfo is required when the update is Full.
                throw CommandException.Invalid(path + ".idTagInfo", "is required in a Full update");
            }

            entries.Add(new LocalListEntry(idTag, info));
        }

        return entries;
    }

    private static string? String(JsonObject item, string name, string path) => item[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw CommandException.Invalid($"{path}.{name}", "must be a string"),
    };
}
