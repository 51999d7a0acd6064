using System.Collections.Concurrent;
using System.Text.Json;
using Iskra.Csms.Alarms.Rules;
using Iskra.Csms.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// The limits on failed handshakes (SPEC §2.1; docs/decisions/007-admission-limits.md):
/// <list type="bullet">
/// <item>per (station id, address): after <see cref="CsmsOptions.MaxFailedHandshakes"/> failures the pair is
/// refused with back-off, without a password check;</item>
/// <item>per address: after <see cref="CsmsOptions.MaxFailedHandshakesPerAddress"/> failures over all ids the
/// address is refused with back-off, except for ids admitted from it before (the real stations behind a
/// shared NAT keep getting in);</item>
/// <item>never per id alone: failures from strangers never lock a registered station out. Instead a
/// failure for a registered id is recorded as a security event, once per window.</item>
/// </list>
/// Both checks come before the station is looked up, so they do not tell unknown ids from known ones.
/// </summary>
public sealed partial class AdmissionGuard(NoticeService notices, ConnectionRefusedRule refusals, IOptions<CsmsOptions> options, TimeProvider time, ILogger<AdmissionGuard> logger)
{
    /// <summary>The notice action of the security event, named as in the 2.0.1 list (part 2 appendix 1), with the refusal reason as its status.</summary>
    public const string FailedAuthentication = "FailedToAuthenticateAtCsms";

    private readonly FailureLimiter _pairs = new(time, options.Value.MaxFailedHandshakes, options.Value.FailureWindow, options.Value.MaxFailureBackoff);
    private readonly FailureLimiter _addresses = new(time, options.Value.MaxFailedHandshakesPerAddress, options.Value.FailureWindow, options.Value.MaxFailureBackoff);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _admittedPairs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _noticed = new(StringComparer.Ordinal);

    /// <summary>Whether the attempt is refused as RateLimited before any lookup or password check.</summary>
    public bool IsLimited(AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pair = PairKey(request);
        return _pairs.IsLimited(pair) || (_addresses.IsLimited(AddressKey(request)) && !_admittedPairs.ContainsKey(pair));
    }

    /// <summary>Counts a refused attempt; a registered id's failure counts towards its <see cref="ConnectionRefusedRule"/> alarm and is recorded as a security event once per window.</summary>
    public void Failed(AdmissionRequest request, bool registered, RefusalReason reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        _pairs.RecordFailure(PairKey(request));
        _addresses.RecordFailure(AddressKey(request));
        if (registered)
        {
            refusals.Refused(request.StationId, request.RemoteAddress, reason.ToString());
            if (FirstInWindow(request.StationId))
            {
                _ = RecordNoticeAsync(request.StationId, request.RemoteAddress, reason);
            }
        }
    }

    /// <summary>An attempt refused by <see cref="IsLimited"/>: counted towards the station's alarm when its id is registered and already counted.</summary>
    public void Limited(AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        refusals.Limited(request.StationId, request.RemoteAddress);
    }

    /// <summary>Clears the pair's failures and remembers that this id gets in from this address.</summary>
    public void Admitted(AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pair = PairKey(request);
        _pairs.Reset(pair);
        var now = time.GetUtcNow();
        _admittedPairs[pair] = now;
        if (_admittedPairs.Count > 100_000)
        {
            foreach (var (key, at) in _admittedPairs)
            {
                if (now - at > TimeSpan.FromDays(7))
                {
                    _admittedPairs.TryRemove(key, out _);
                }
            }
        }
    }

    private bool FirstInWindow(string stationId)
    {
        var now = time.GetUtcNow();
        var window = options.Value.FailureWindow;
        while (true)
        {
            if (!_noticed.TryGetValue(stationId, out var last))
            {
                if (_noticed.TryAdd(stationId, now))
                {
                    return true;
                }
            }
            else if (now - last < window)
            {
                return false;
            }
            else if (_noticed.TryUpdate(stationId, now, last))
            {
                return true;
            }
        }
    }

    private async Task RecordNoticeAsync(string stationId, string? address, RefusalReason reason)
    {
        try
        {
            // Not awaited by the handshake: a refusal costs no storage wait.
            var payload = JsonSerializer.Serialize(new AuthenticationFailure(address, reason.ToString()), CsmsJsonContext.Default.AuthenticationFailure);
            await notices.RecordAsync(stationId, FailedAuthentication, null, reason.ToString(), time.GetUtcNow(), payload, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogNoticeFailed(logger, stationId, ex);
        }
    }

    private static string PairKey(AdmissionRequest request) => request.StationId + "\n" + request.RemoteAddress;

    private static string AddressKey(AdmissionRequest request) => request.RemoteAddress ?? "";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failed-authentication event of station {StationId} could not be stored")]
    private static partial void LogNoticeFailed(ILogger logger, string stationId, Exception exception);
}
