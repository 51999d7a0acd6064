using System.Text.Json;
using Iskra.Csms.Integration.Passive.Checks;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.Integration.Passive;

/// <summary>
/// The meter side of a connection's passive checks: the open transactions (at most <see cref="MaxTransactions"/>,
/// the least recently touched one gives way), their registers and power, read from the payload in place.
/// Called from the connection's answer loop only, one CALL at a time.
/// </summary>
internal sealed class MeterWatch(StationWatch owner, OcppVersion version, PassiveOptions options)
{
    public const int MaxTransactions = 4;

    private readonly TransactionMeter?[] _open = new TransactionMeter?[MaxTransactions];

    /// <summary>1.6 StartTransaction answered with <paramref name="transactionId"/>.</summary>
    public void Started(int transactionId, double meterStartWh, DateTimeOffset now)
    {
        var tx = Find(transactionId, now);
        tx.StartWh = meterStartWh;
    }

    /// <summary>1.6 MeterValues of a transaction, or the transactionData of its StopTransaction.</summary>
    public TransactionMeter Find(int transactionId, DateTimeOffset now)
    {
        foreach (var tx in _open)
        {
            if (tx is not null && tx.Number == transactionId)
            {
                tx.Touched = now;
                return tx;
            }
        }

        return Add(new TransactionMeter { Number = transactionId, Touched = now });
    }

    /// <summary>2.0.1: the transaction of <paramref name="transactionId"/> (a JSON string), found without allocating.</summary>
    public TransactionMeter Find(JsonElement transactionId, DateTimeOffset now)
    {
        foreach (var tx in _open)
        {
            if (tx?.Text is { } text && transactionId.ValueEquals(text))
            {
                tx.Touched = now;
                return tx;
            }
        }

        return Add(new TransactionMeter { Text = transactionId.GetString() ?? string.Empty, Touched = now });
    }

    public void Remove(TransactionMeter tx)
    {
        for (var i = 0; i < _open.Length; i++)
        {
            if (ReferenceEquals(_open[i], tx))
            {
                _open[i] = null;
            }
        }
    }

    /// <summary>The meterValue items of one message, in order; <paramref name="ended"/> for the 2.0.1 Ended event.</summary>
    public void Readings(TransactionMeter tx, JsonElement meterValues, bool ended, RpcCall call, DateTimeOffset now)
    {
        if (meterValues.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in meterValues.EnumerateArray())
        {
            var at = PassiveJson.TryGet(item, "timestamp"u8, out var stamp) && PassiveJson.TryTimestamp(stamp, out var t, out _) ? t : now;
            double? wh = null;
            double? power = null;
            var label = Unit.Absent;
            var raw = 0d;
            if (PassiveJson.TryGet(item, "sampledValue"u8, out var values) && values.ValueKind == JsonValueKind.Array)
            {
                foreach (var value in values.EnumerateArray())
                {
                    if (TryRegister(value, out var w, out var l, out var r))
                    {
                        (wh, label, raw) = (w, l, r);
                    }
                    else if (TryPower(value, out var p))
                    {
                        power = p;
                    }
                }
            }

            if (tx.PowerW is { } before && at > tx.PowerAt)
            {
                tx.ExpectedWh += before * (at - tx.PowerAt).TotalHours;
            }

            if (power is { } drawn)
            {
                tx.PowerW = drawn;
            }

            if (at > tx.PowerAt)
            {
                tx.PowerAt = at;
            }

            if (wh is { } reading)
            {
                Read(tx, reading, label, raw, at, ended, call, now);
            }
        }
    }

    /// <summary>1.6 StopTransaction.meterStop against the transaction's meterStart.</summary>
    public void Stopped(TransactionMeter tx, double meterStopWh, RpcCall call, DateTimeOffset now)
    {
        if (tx.StartWh is { } start && meterStopWh < start - options.RegisterTolerance && owner.Sighted(MeterStopBelowStartCheck.Id, now))
        {
            owner.Store(MeterStopBelowStartCheck.Build(version, tx.Name, start, meterStopWh, Evidence.Call(call, now)), now);
        }

        Remove(tx);
    }

    private void Read(TransactionMeter tx, double wh, Unit label, double raw, DateTimeOffset at, bool ended, RpcCall call, DateTimeOffset now)
    {
        if (ended && tx.StartWh is { } start && wh < start - options.RegisterTolerance)
        {
            if (owner.Sighted(MeterStopBelowStartCheck.Id, now))
            {
                owner.Store(MeterStopBelowStartCheck.Build(version, tx.Name, start, wh, Evidence.Call(call, now)), now);
            }

            return;
        }

        var backwards = tx.LastWh is { } previous && RegisterBackwardsCheck.Applies(previous, wh, options);
        if (backwards && owner.Sighted(RegisterBackwardsCheck.Id, now))
        {
            owner.Store(RegisterBackwardsCheck.Build(version, tx.Name, tx.LastWh!.Value, wh, Evidence.Call(call, now)), now);
        }

        tx.LastWh = wh;
        tx.MaxWh = Math.Max(tx.MaxWh, wh);
        if (tx.FirstWh is null)
        {
            tx.FirstWh = wh;
            tx.FirstAt = at;
        }

        if (version == OcppVersion.V201)
        {
            tx.StartWh ??= wh;
        }

        // A reading that went backwards tells nothing of the unit (it is a finding of its own): the next one is judged.
        if (backwards || tx.EnergyJudged || tx.ExpectedWh < options.MinExpectedEnergyWh || label == Unit.KiloWattHours)
        {
            return;
        }

        tx.EnergyJudged = true;
        var grown = tx.MaxWh - tx.FirstWh.Value;
        if (grown < tx.ExpectedWh * options.MinEnergyRatio)
        {
            var check = label == Unit.WattHours ? EnergyUnitCheck.LabelledWh : EnergyUnitCheck.WithoutUnit;
            if (owner.Sighted(check, now))
            {
                owner.Store(EnergyUnitCheck.Build(version, label == Unit.WattHours, grown, tx.ExpectedWh, (at - tx.FirstAt).TotalSeconds, tx.PowerW ?? 0, raw, Evidence.Call(call, now)), now);
            }
        }
    }

    /// <summary>An Energy.Active.Import.Register total (no phase, not signed data), in Wh as labelled.</summary>
    private bool TryRegister(JsonElement value, out double wh, out Unit label, out double raw)
    {
        wh = raw = 0;
        label = Unit.Absent;
        if ((PassiveJson.Has(value, "measurand"u8) && !PassiveJson.Is(value, "measurand"u8, "Energy.Active.Import.Register"u8))
            || PassiveJson.Has(value, "phase"u8) || PassiveJson.Is(value, "format"u8, "SignedData"u8)
            || !PassiveJson.TryGet(value, "value"u8, out var number) || !PassiveJson.TryNumber(number, out raw))
        {
            return false;
        }

        var multiplier = 0;
        JsonElement unit = default;
        if (version == OcppVersion.V16)
        {
            PassiveJson.TryGet(value, "unit"u8, out unit);
        }
        else if (PassiveJson.TryGet(value, "unitOfMeasure"u8, out var measure))
        {
            PassiveJson.TryInt(measure, "multiplier"u8, out multiplier);
            PassiveJson.TryGet(measure, "unit"u8, out unit);
        }

        if (unit.ValueKind != JsonValueKind.String)
        {
            label = Unit.Absent;
        }
        else if (unit.ValueEquals("Wh"u8))
        {
            label = Unit.WattHours;
        }
        else if (unit.ValueEquals("kWh"u8))
        {
            label = Unit.KiloWattHours;
        }
        else
        {
            return false;
        }

        wh = raw * (label == Unit.KiloWattHours ? 1000 : 1) * Math.Pow(10, Math.Clamp(multiplier, -9, 9));
        return true;
    }

    /// <summary>Power.Active.Import total (no phase) in W.</summary>
    private bool TryPower(JsonElement value, out double watts)
    {
        watts = 0;
        if (!PassiveJson.Is(value, "measurand"u8, "Power.Active.Import"u8) || PassiveJson.Has(value, "phase"u8)
            || !PassiveJson.TryGet(value, "value"u8, out var number) || !PassiveJson.TryNumber(number, out watts))
        {
            return false;
        }

        var kilo = version == OcppVersion.V16
            ? PassiveJson.Is(value, "unit"u8, "kW"u8)
            : PassiveJson.TryGet(value, "unitOfMeasure"u8, out var measure) && PassiveJson.Is(measure, "unit"u8, "kW"u8);
        var multiplier = version == OcppVersion.V201 && PassiveJson.TryGet(value, "unitOfMeasure"u8, out var m) && PassiveJson.TryInt(m, "multiplier"u8, out var x) ? x : 0;
        watts *= (kilo ? 1000 : 1) * Math.Pow(10, Math.Clamp(multiplier, -9, 9));
        return true;
    }

    private TransactionMeter Add(TransactionMeter tx)
    {
        var slot = 0;
        for (var i = 0; i < _open.Length; i++)
        {
            if (_open[i] is null)
            {
                slot = i;
                break;
            }

            if (_open[i]!.Touched < _open[slot]!.Touched)
            {
                slot = i;
            }
        }

        _open[slot] = tx;
        return tx;
    }

    private enum Unit
    {
        Absent,
        WattHours,
        KiloWattHours,
    }
}
