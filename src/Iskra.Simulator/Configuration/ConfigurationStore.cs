using System.Globalization;

namespace Iskra.Simulator.Configuration;

/// <summary>
/// The station's settings, keyed by their OCPP 1.6 names (1.6 §9). A 2.0.1 station exposes the same
/// settings through its device model (<see cref="V201.DeviceModel"/>), so the behaviour reads one store.
/// </summary>
public sealed class ConfigurationStore
{
    private readonly Dictionary<string, ConfigurationKey> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public ConfigurationStore(int connectors)
    {
        // 1.6 §9.1 Core profile, with the values a typical AC station ships with.
        Add("AllowOfflineTxForUnknownId", "false", false, ConfigurationValueKind.Boolean);
        Add("AuthorizationCacheEnabled", "true", false, ConfigurationValueKind.Boolean);
        Add("AuthorizeRemoteTxRequests", "false", false, ConfigurationValueKind.Boolean);
        Add("ClockAlignedDataInterval", "0", false, ConfigurationValueKind.Number);
        Add("ConnectionTimeOut", "120", false, ConfigurationValueKind.Number);
        Add("ConnectorPhaseRotation", "Unknown", false, ConfigurationValueKind.List);
        Add("GetConfigurationMaxKeys", "100", true, ConfigurationValueKind.Number);
        Add("HeartbeatInterval", "300", false, ConfigurationValueKind.Number);
        Add("LocalAuthorizeOffline", "true", false, ConfigurationValueKind.Boolean);
        Add("LocalPreAuthorize", "false", false, ConfigurationValueKind.Boolean);
        Add("MeterValuesAlignedData", "Energy.Active.Import.Register", false, ConfigurationValueKind.List);
        Add("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC", false, ConfigurationValueKind.List);
        Add("MeterValueSampleInterval", "60", false, ConfigurationValueKind.Number);
        Add("NumberOfConnectors", connectors.ToString(CultureInfo.InvariantCulture), true, ConfigurationValueKind.Number);
        Add("ResetRetries", "3", false, ConfigurationValueKind.Number);
        Add("StopTransactionOnEVSideDisconnect", "true", false, ConfigurationValueKind.Boolean);
        Add("StopTransactionOnInvalidId", "true", false, ConfigurationValueKind.Boolean);
        Add("StopTxnAlignedData", "Energy.Active.Import.Register", false, ConfigurationValueKind.List);
        Add("StopTxnSampledData", "Energy.Active.Import.Register", false, ConfigurationValueKind.List);
        Add("SupportedFeatureProfiles", "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger", true, ConfigurationValueKind.List);
        Add("TransactionMessageAttempts", "3", false, ConfigurationValueKind.Number);
        Add("TransactionMessageRetryInterval", "10", false, ConfigurationValueKind.Number);
        Add("UnlockConnectorOnEVSideDisconnect", "true", false, ConfigurationValueKind.Boolean);
        Add("WebSocketPingInterval", "0", false, ConfigurationValueKind.Number, rebootRequired: true);

        // 1.6 §9.3 Local Auth List Management, §9.4 Reservation, §9.5 Smart Charging.
        Add("LocalAuthListEnabled", "true", false, ConfigurationValueKind.Boolean);
        Add("LocalAuthListMaxLength", "1000", true, ConfigurationValueKind.Number);
        Add("SendLocalListMaxLength", "100", true, ConfigurationValueKind.Number);
        Add("ReserveConnectorZeroSupported", "false", true, ConfigurationValueKind.Boolean);
        Add("ChargeProfileMaxStackLevel", "10", true, ConfigurationValueKind.Number);
        Add("ChargingScheduleAllowedChargingRateUnit", "Current,Power", true, ConfigurationValueKind.List);
        Add("ChargingScheduleMaxPeriods", "24", true, ConfigurationValueKind.Number);
        Add("MaxChargingProfilesInstalled", "10", true, ConfigurationValueKind.Number);
    }

    /// <summary>Every key, in name order.</summary>
    public IReadOnlyList<ConfigurationKey> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _keys.Values.OrderBy(k => k.Name, StringComparer.Ordinal)];
            }
        }
    }

    public ConfigurationKey? Find(string name)
    {
        lock (_lock)
        {
            return _keys.GetValueOrDefault(name);
        }
    }

    public string? Get(string name) => Find(name)?.Value;

    public int GetInt(string name, int fallback) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public bool GetBool(string name, bool fallback) =>
        bool.TryParse(Get(name), out var value) ? value : fallback;

    public IReadOnlyList<string> GetList(string name) =>
        (Get(name) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Sets a value as the station itself does (no read-only check); adds the key when new.</summary>
    public void SetInternal(string name, string value)
    {
        lock (_lock)
        {
            if (_keys.TryGetValue(name, out var key))
            {
                key.Value = value;
            }
            else
            {
                _keys[name] = new ConfigurationKey(name, value, false, ConfigurationValueKind.Text);
            }
        }
    }

    /// <summary>Adds a key (the simulator's own or a vendor key).</summary>
    public void Add(string name, string value, bool readOnly, ConfigurationValueKind kind, bool rebootRequired = false)
    {
        lock (_lock)
        {
            _keys[name] = new ConfigurationKey(name, value, readOnly, kind, rebootRequired);
        }
    }
}
