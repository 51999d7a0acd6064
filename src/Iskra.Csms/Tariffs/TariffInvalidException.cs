namespace Iskra.Csms.Tariffs;

/// <summary>A tariff body that cannot be priced: the message names the field (<c>elements[0].priceComponents[1].price</c>) and why.</summary>
public sealed class TariffInvalidException : Exception
{
    public TariffInvalidException()
    {
    }

    public TariffInvalidException(string message)
        : base(message)
    {
    }

    public TariffInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
