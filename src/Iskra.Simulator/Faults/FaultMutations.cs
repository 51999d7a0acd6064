using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Faults;

/// <summary>The faults that bend an outgoing CALL payload, applied just before it is sent (docs/simulator-faults.md).</summary>
internal static class FaultMutations
{
    /// <summary>A serial number one character over the schemas' maxLength of 25 (1.6 and 2.0.1 BootNotification).</summary>
    internal const string OverlongSerialNumber = "SIM-SERIAL-NUMBER-TOO-LONG";

    /// <summary>The 1.6 errorCode sent instead of a ChargePointErrorCode (HighTemperature is the enum's spelling).</summary>
    internal const string OffEnumErrorCode = "OverTemperature";

    /// <summary>The 2.0.1 connectorStatus sent instead of Occupied: a 1.6 status, as stations ported from 1.6 do.</summary>
    internal const string OffEnumConnectorStatus = "Charging";

    public static void Apply(SimStation station, string action, JsonObject payload)
    {
        if (station.Faults.IsOn(StationFault.OutOfSchemaValues))
        {
            OutOfSchema(station.Version, action, payload);
        }

        if (station.Faults.IsOn(StationFault.TimestampsWithoutZone))
        {
            WithoutZone(payload);
        }
    }

    /// <summary>The BootNotification serial number over its maxLength; the status outside its enum.</summary>
    private static void OutOfSchema(OcppVersion version, string action, JsonObject payload)
    {
        switch (action)
        {
            case "BootNotification" when version == OcppVersion.V16:
                payload["chargePointSerialNumber"] = OverlongSerialNumber;
                break;
            case "BootNotification" when payload["chargingStation"] is JsonObject chargingStation:
                chargingStation["serialNumber"] = OverlongSerialNumber;
                break;
            case "StatusNotification" when version == OcppVersion.V16:
                payload["errorCode"] = OffEnumErrorCode;
                break;
            case "StatusNotification":
                payload["connectorStatus"] = OffEnumConnectorStatus;
                break;
            default:
                break;
        }
    }

    /// <summary>Every timestamp in the payload, at any depth, loses its zone designator: "…T10:00:00.000Z" becomes "…T10:00:00.000".</summary>
    private static void WithoutZone(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (Zoneless(child) is { } local)
                    {
                        obj[name] = local;
                    }
                    else
                    {
                        WithoutZone(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Zoneless(array[i]) is { } local)
                    {
                        array[i] = local;
                    }
                    else
                    {
                        WithoutZone(array[i]);
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The timestamp without its zone, or null when <paramref name="node"/> is not a zoned timestamp string.</summary>
    internal static string? Zoneless(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>();
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return null;
        }

        if (text.EndsWith('Z'))
        {
            return text[..^1];
        }

        // An explicit offset: +hh:mm or -hh:mm after the time.
        var sign = text.Length - 6;
        return sign > 18 && text[sign] is '+' or '-' && text[sign + 3] == ':' ? text[..sign] : null;
    }
}
