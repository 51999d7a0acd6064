using System.Globalization;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>
/// Watches the monitored variables every tick and reports what the monitors see in NotifyEvent
/// (2.0.1 N07): a threshold crossed (Alerting) and crossed back (cleared), a delta as large as the
/// monitor's value from the last reported one (for a non-number: any change). Only monitors of the
/// active monitoring level or more urgent report (N05).
/// </summary>
internal sealed class MonitorWatch(SimStation station)
{
    private readonly Dictionary<VariableMonitor, (string Reference, bool Tripped)> _state = new(ReferenceEqualityComparer.Instance);
    private int _eventId;

    public void Check(DeviceModel model)
    {
        var monitors = model.Monitors.All;
        foreach (var gone in _state.Keys.Where(k => !monitors.Contains(k)).ToList())
        {
            _state.Remove(gone);
        }

        List<EventDataType> events = [];
        foreach (var monitor in monitors)
        {
            if (model.Read(monitor.Variable) is not { } value)
            {
                continue;
            }

            var seen = _state.TryGetValue(monitor, out var state);
            var number = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null;
            switch (monitor.Type)
            {
                case MonitorEnumType.UpperThreshold or MonitorEnumType.LowerThreshold when number is { } current:
                    var tripped = monitor.Type == MonitorEnumType.UpperThreshold ? current > monitor.Value : current < monitor.Value;
                    if (tripped != (seen && state.Tripped))
                    {
                        events.Add(Event(monitor, EventTriggerEnumType.Alerting, value, cleared: !tripped));
                    }

                    _state[monitor] = (value, tripped);
                    break;
                case MonitorEnumType.Delta when !seen:
                    _state[monitor] = (value, false);
                    break;
                case MonitorEnumType.Delta:
                    var changed = number is { } now && decimal.TryParse(state.Reference, NumberStyles.Number, CultureInfo.InvariantCulture, out var before)
                        ? Math.Abs(now - before) >= Math.Max(monitor.Value, 0.001m)
                        : value != state.Reference;
                    if (changed)
                    {
                        events.Add(Event(monitor, EventTriggerEnumType.Delta, value, cleared: null));
                        _state[monitor] = (value, false);
                    }

                    break;
            }
        }

        var level = model.Monitors.Level;
        var reported = events.Where(e => monitors.First(m => m.Id == e.VariableMonitoringId).Severity <= level).ToList();
        if (reported.Count > 0)
        {
            var at = station.Now;
            station.Outbox.Enqueue(new OutboundMessage("NotifyEvent", () => Payloads.ToObject(
                new NotifyEventRequest { GeneratedAt = at, SeqNo = 0, EventData = reported },
                V201JsonContext.Default.NotifyEventRequest), transactional: false));
        }
    }

    private EventDataType Event(VariableMonitor monitor, EventTriggerEnumType trigger, string value, bool? cleared) => new()
    {
        EventId = ++_eventId,
        Timestamp = station.Now,
        Trigger = trigger,
        ActualValue = value,
        Cleared = cleared is true ? true : null,
        Component = monitor.Variable.ComponentType,
        Variable = monitor.Variable.VariableType,
        VariableMonitoringId = monitor.Id,
        EventNotificationType = EventNotificationEnumType.CustomMonitor,
    };
}
