namespace Iskra.Csms.Routing;

/// <summary>Turns one typed OCPP request into its typed response (wire ↔ domain); the block's service does the work.</summary>
public interface IOcppHandler<in TRequest, TResponse>
{
    ValueTask<TResponse> HandleAsync(StationContext station, TRequest request, CancellationToken cancellationToken);
}
