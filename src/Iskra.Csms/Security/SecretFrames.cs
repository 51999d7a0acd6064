using System.Text.Json;

namespace Iskra.Csms.Security;

/// <summary>
/// Tells, cheaply, which frames of one connection may carry a write-only secret, so that only those are
/// parsed and rewritten by <see cref="SecretRedactor"/>: it reads the first elements of the frame only.
/// CALLs by action; a CALLRESULT by its message id, when it answers our GetConfiguration or GetVariables
/// (OCPP-J: one outstanding CSMS call per station, so one id is remembered).
/// </summary>
public sealed class SecretFrames
{
    private string? _awaited;

    public bool MayCarrySecret(bool incoming, ReadOnlySpan<byte> utf8Frame)
    {
        var reader = new Utf8JsonReader(utf8Frame);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
                || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var type)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            if (type == 3)
            {
                var awaited = Volatile.Read(ref _awaited);
                if (!incoming || awaited is null || !reader.ValueTextEquals(awaited))
                {
                    return false;
                }

                Volatile.Write(ref _awaited, null);
                return true;
            }

            if (type != 2)
            {
                return false;
            }

            var id = reader.GetString();
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            if (incoming)
            {
                return reader.ValueTextEquals("NotifyReport"u8); // 2.0.1 B07/B08: reportData[].variableAttribute[].value
            }

            if (reader.ValueTextEquals("GetConfiguration"u8) || reader.ValueTextEquals("GetVariables"u8))
            {
                Volatile.Write(ref _awaited, id); // the answer carries the values
                return false;
            }

            return reader.ValueTextEquals("ChangeConfiguration"u8) || reader.ValueTextEquals("SetVariables"u8) || reader.ValueTextEquals("SetNetworkProfile"u8);
        }
        catch (JsonException)
        {
            return false; // a frame cut short before its action names none
        }
    }
}
