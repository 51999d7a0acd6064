namespace Iskra.Csms.Tariffs;

/// <summary>
/// One price of a tariff element (OCPI 2.2.1 PriceComponent), excluding VAT: per kWh for
/// <see cref="TariffDimension.Energy"/>, per hour for <see cref="TariffDimension.Time"/> and
/// <see cref="TariffDimension.ParkingTime"/>, per session for <see cref="TariffDimension.Flat"/>.
/// </summary>
/// <param name="StepSize">Billed in blocks of this many Wh (energy) or seconds (time, parking time); 1 for flat.</param>
public sealed record PriceComponent(TariffDimension Type, decimal Price, int StepSize = 1);
