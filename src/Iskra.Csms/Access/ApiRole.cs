namespace Iskra.Csms.Access;

/// <summary>What an API key may do. Each role includes the ones below it.</summary>
public enum ApiRole
{
    /// <summary>Reads everything except keys and the audit log.</summary>
    Viewer = 0,

    /// <summary>Also sends commands and raw OCPP calls, manages id tags, acknowledges alarms, uploads firmware.</summary>
    Operator = 1,

    /// <summary>Also registers, edits and deletes stations, manages API keys and webhooks, reads the audit log.</summary>
    Admin = 2,
}
