using System.Globalization;
using System.Text;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Customers;

/// <summary>
/// What the station holds about a customer (2.0.1 N09/N10): for an id token, its local-list entry, its
/// cache entry and the transactions it runs. The simulator keeps nothing under a customerIdentifier or a
/// customer certificate, so those report that no data is held.
/// </summary>
internal static class CustomerRecords
{
    /// <summary>The data as text (NotifyCustomerInformation.data is string[0..512]); clears the id token's entries when asked.</summary>
    public static Task<string> CollectAsync(SimStation station, string? idToken, string? customerIdentifier, bool report, bool clear) =>
        station.LockedAsync(() =>
        {
            var text = new StringBuilder();
            if (idToken is not null)
            {
                var listed = station.Authorization.Lookup(idToken, station.Now, useList: true, useCache: false);
                var cached = station.Authorization.Lookup(idToken, station.Now, useList: false, useCache: true);
                var sessions = station.Connectors.Where(c => c.Session is { } s && string.Equals(s.IdTag, idToken, StringComparison.OrdinalIgnoreCase)).ToList();
                if (report)
                {
                    text.Append(CultureInfo.InvariantCulture, $"idToken {idToken}:");
                    text.Append(listed is null ? " not in the local list;" : $" local list {listed.Status}{Expiry(listed.ExpiresAt)};");
                    text.Append(cached is null ? " not in the cache;" : $" cache {cached.Status}{Expiry(cached.ExpiresAt)};");
                    text.Append(sessions.Count == 0 ? " no transaction." : $" transaction {string.Join(", ", sessions.Select(c => $"{c.Session!.LocalId} on EVSE {c.Id}"))}.");
                }

                if (clear)
                {
                    var forgotten = station.Authorization.Forget(idToken);
                    text.Append(forgotten ? $" Cleared the local list and cache entries of {idToken}." : $" Nothing to clear for {idToken}.");
                }
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"No data is held for {(customerIdentifier is null ? "this customer certificate" : "customer " + customerIdentifier)}.");
            }

            var data = text.ToString().Trim();
            return data.Length > 512 ? data[..512] : data;
        });

    private static string Expiry(DateTimeOffset? expiresAt) =>
        expiresAt is { } at ? $" until {at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}" : string.Empty;
}
