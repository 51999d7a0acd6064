using System.Globalization;
using System.Text.Json.Serialization;
using Iskra.Csms.Tariffs;

namespace Iskra.Server.Api.Billing;

/// <summary>A price excluding VAT: per kWh (ENERGY), per hour (TIME, PARKING_TIME) or per session (FLAT); stepSize in Wh or seconds.</summary>
public sealed record PriceComponentView(string Type, decimal Price, int StepSize)
{
    public static PriceComponentView From(PriceComponent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(TariffDimensions.Name(c.Type), c.Price, c.StepSize);
    }

}
