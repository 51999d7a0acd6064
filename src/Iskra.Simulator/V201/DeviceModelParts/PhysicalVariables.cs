using System.Globalization;
using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;
using D = Iskra.Ocpp.V201.Messages.DataEnumType;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>The physical components: the ChargingStation, and per EVSE its EVSE and Connector (each EVSE has connector 1).</summary>
internal static class PhysicalVariables
{
    private const string States = "Available,Occupied,Reserved,Unavailable,Faulted";

    public static void AddTo(VariableList list)
    {
        var station = list.Station;
        list.Live("ChargingStation", "AvailabilityState", D.OptionList, StationState, values: States);
        list.Fixed("ChargingStation", "Available", D.Boolean, "true");
        list.Live("ChargingStation", "Problem", D.Boolean, s => ControllerVariables.Bool(s.Connectors.Any(c => c.Status == ConnectorStatus.Faulted)));
        list.Fixed("ChargingStation", "SupplyPhases", D.Integer, ControllerVariables.Number(station.Connectors.Max(Phases)));

        foreach (var connector in station.Connectors)
        {
            var id = connector.Id;
            var phases = ControllerVariables.Number(Phases(connector));
            list.Add(new DeviceVariable { Component = "EVSE", EvseId = id, Variable = "AvailabilityState", DataType = D.OptionList, ValuesList = States, Live = s => State(s.Connector(id)) });
            list.Add(new DeviceVariable { Component = "EVSE", EvseId = id, Variable = "Available", DataType = D.Boolean, Live = _ => "true" });
            list.Add(new DeviceVariable
            {
                Component = "EVSE",
                EvseId = id,
                Variable = "Power",
                DataType = D.Decimal,
                Unit = "W",
                MaxLimit = (decimal)connector.Options.MaxPowerW,
                Live = s => Math.Round(s.Connector(id).PowerW, 1).ToString(CultureInfo.InvariantCulture),
            });
            list.Add(new DeviceVariable { Component = "EVSE", EvseId = id, Variable = "SupplyPhases", DataType = D.Integer, Live = _ => phases });

            list.Add(new DeviceVariable { Component = "Connector", EvseId = id, ConnectorId = 1, Variable = "AvailabilityState", DataType = D.OptionList, ValuesList = States, Live = s => State(s.Connector(id)) });
            list.Add(new DeviceVariable { Component = "Connector", EvseId = id, ConnectorId = 1, Variable = "Available", DataType = D.Boolean, Live = _ => "true" });
            // ConnectorEnumType: a cable with a Type 2 plug (AC) or a CCS2 plug (DC).
            var type = connector.Options.Dc ? "cCCS2" : "cType2";
            list.Add(new DeviceVariable { Component = "Connector", EvseId = id, ConnectorId = 1, Variable = "ConnectorType", DataType = D.String, Live = _ => type });
            list.Add(new DeviceVariable { Component = "Connector", EvseId = id, ConnectorId = 1, Variable = "SupplyPhases", DataType = D.Integer, Live = _ => phases });
        }
    }

    /// <summary>2.0.1 SupplyPhases: 0 for DC, otherwise the AC phases.</summary>
    private static int Phases(Connector connector) => connector.Options.Dc ? 0 : connector.Options.Phases;

    /// <summary>The 2.0.1 ConnectorStatus of a connector (the 1.6 Preparing…Finishing states are Occupied).</summary>
    private static string State(Connector connector) => connector.Status switch
    {
        ConnectorStatus.Available => "Available",
        ConnectorStatus.Reserved => "Reserved",
        ConnectorStatus.Unavailable => "Unavailable",
        ConnectorStatus.Faulted => "Faulted",
        _ => "Occupied",
    };

    /// <summary>The station as a whole: Faulted or Unavailable when every EVSE is, otherwise Available.</summary>
    private static string StationState(SimStation station)
    {
        var states = station.Connectors.Select(State).Distinct().ToList();
        return states is ["Faulted"] or ["Unavailable"] ? states[0] : "Available";
    }
}
