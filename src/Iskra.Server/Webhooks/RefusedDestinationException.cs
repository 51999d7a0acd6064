namespace Iskra.Server.Webhooks;

/// <summary>A webhook's host has no address it may connect to (<see cref="WebhookDestinations"/>); nothing was sent.</summary>
public sealed class RefusedDestinationException(string host)
    : Exception($"The webhook host '{host}' resolves only to refused addresses (loopback, link-local or private); allow them with Webhooks:AllowedNetworks.")
{
}
