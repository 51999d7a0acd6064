using System.Globalization;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Reports;

/// <summary>
/// Finds a station's device-model row by its natural key, with component and variable names and
/// instances compared case-insensitively (2.0.1 ComponentType / VariableType <c>name</c> and
/// <c>instance</c>: "Case Insensitive", official schemas). The row keeps the spelling first seen, so
/// a station that answers GetVariables in other casing than its NotifyReport updates the same row
/// and the exact-match unique index never sees two spellings of one key.
/// </summary>
internal sealed class DeviceModelRows
{
    private readonly Dictionary<string, DeviceModelVariable> _rows = new(StringComparer.OrdinalIgnoreCase);

    private DeviceModelRows()
    {
    }

    /// <summary>Loads (and tracks) every row of <paramref name="stationId"/>, including rows this batch added already.</summary>
    public static async Task<DeviceModelRows> LoadAsync(IskraDbContext db, string stationId, CancellationToken cancellationToken)
    {
        await db.DeviceModel.Where(x => x.StationId == stationId).LoadAsync(cancellationToken).ConfigureAwait(false);
        var rows = new DeviceModelRows();
        foreach (var row in db.DeviceModel.Local.Where(x => x.StationId == stationId).OrderBy(x => x.Id))
        {
            rows._rows.TryAdd(Key(row.Component, row.ComponentInstance, row.EvseId, row.ConnectorId, row.Variable, row.VariableInstance, row.AttributeType), row);
        }

        return rows;
    }

    /// <summary>The row of this key in any casing, or null.</summary>
    public DeviceModelVariable? Find(string component, string componentInstance, int evseId, int connectorId, string variable, string variableInstance, string attributeType) =>
        _rows.GetValueOrDefault(Key(component, componentInstance, evseId, connectorId, variable, variableInstance, attributeType));

    /// <summary>Adds a new row (the caller adds it to the context).</summary>
    public void Add(DeviceModelVariable row) =>
        _rows.TryAdd(Key(row.Component, row.ComponentInstance, row.EvseId, row.ConnectorId, row.Variable, row.VariableInstance, row.AttributeType), row);

    private static string Key(string component, string componentInstance, int evseId, int connectorId, string variable, string variableInstance, string attributeType) =>
        string.Join('\u001f', component, componentInstance, evseId.ToString(CultureInfo.InvariantCulture), connectorId.ToString(CultureInfo.InvariantCulture), variable, variableInstance, attributeType);
}
