using System.Collections.Concurrent;
using System.Text.Json;
using Iskra.Csms.Events;
using Iskra.Csms.Routing;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Integration.Passive;

/// <summary>
/// Where the passive checks' findings go: a tally per station and check in memory (bounded by
/// <see cref="PassiveOptions.MaxTallies"/>), and at most one write per station and check per
/// <see cref="PassiveOptions.WriteInterval"/> through the <see cref="StorageWriter"/>, which the station
/// never waits for. A finding's first row is announced as <c>finding.raised</c>. It also keeps the
/// connections' watches for <see cref="PassiveSweep"/>. The fleet's <see cref="IPassiveSink"/>.
/// </summary>
public sealed partial class PassiveFindings(StorageWriter writer, CsmsEvents events, StationClaims claims, TimeProvider time, IOptions<PassiveOptions> options, ILogger<PassiveFindings> logger) : IPassiveSink
{
    private readonly ConcurrentDictionary<StationWatch, byte> _watches = new();
    private readonly ConcurrentDictionary<(string Station, string Check), Tally> _tallies = new();

    /// <summary>A watch for a new connection, or null when the checks are off.</summary>
    public StationWatch? Open(string stationId, OcppVersion version)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        var watch = new StationWatch(this, stationId, version, options.Value, time);
        _watches.TryAdd(watch, 0);
        return watch;
    }

    void IPassiveSink.Closed(StationWatch watch) => _watches.TryRemove(watch, out _);

    bool IPassiveSink.Sighted(StationWatch watch, string check, DateTimeOffset now) => Sighted(watch.StationId, check, now);

    void IPassiveSink.Store(StationWatch watch, Finding finding, DateTimeOffset now) => Store(watch, finding, now);

    /// <summary>
    /// Counts one sighting of <paramref name="check"/> on the station; true when the finding should be built
    /// and stored now (its first sighting, or the write interval has passed). Otherwise only the count grows.
    /// </summary>
    internal bool Sighted(string stationId, string check, DateTimeOffset now)
    {
        if (!_tallies.TryGetValue((stationId, check), out var tally))
        {
            if (_tallies.Count >= options.Value.MaxTallies && !Trim(now))
            {
                return false; // full of tallies still to be written: this sighting is not kept
            }

            tally = _tallies.GetOrAdd((stationId, check), static _ => new Tally());
        }

        lock (tally)
        {
            tally.Pending++;
            tally.LastSeen = now;
            if (tally.FirstSeen == default)
            {
                tally.FirstSeen = now;
            }

            if (!tally.Written || now - tally.LastWritten >= options.Value.WriteInterval)
            {
                return true;
            }

            tally.Dirty = true;
            return false;
        }
    }

    /// <summary>Stores a finding just sighted (<see cref="Sighted"/> said so), with the count since the last write.</summary>
    internal void Store(StationWatch watch, Finding finding, DateTimeOffset now)
    {
        var check = finding.Check ?? throw new ArgumentException("A passive finding names its check.", nameof(finding));
        if (!_tallies.TryGetValue((watch.StationId, check), out var tally))
        {
            return;
        }

        Write write;
        lock (tally)
        {
            write = new Write(watch.StationId, check, watch.Vendor, watch.Model, finding, tally.Pending, tally.FirstSeen, tally.LastSeen);
            tally.Pending = 0;
            tally.Written = true;
            tally.Dirty = false;
            tally.LastWritten = now;
        }

        _ = WriteAsync(write);
    }

    /// <summary>
    /// Deadlines of every watched connection, then the counts whose write interval has passed. A claimed
    /// station's deadlines are dropped: its messages go to the claim, so their absence proves nothing.
    /// </summary>
    public void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var watch in _watches.Keys)
        {
            if (claims.Find(watch.StationId) is null)
            {
                watch.Sweep(now);
            }
            else
            {
                watch.Forget();
            }
        }

        foreach (var (key, tally) in _tallies)
        {
            Write? write = null;
            lock (tally)
            {
                if (tally.Dirty && tally.Pending > 0 && now - tally.LastWritten >= options.Value.WriteInterval)
                {
                    write = new Write(key.Station, key.Check, null, null, null, tally.Pending, tally.FirstSeen, tally.LastSeen);
                    tally.Pending = 0;
                    tally.Dirty = false;
                    tally.LastWritten = now;
                }
            }

            if (write is not null)
            {
                _ = WriteAsync(write);
            }
        }
    }

    /// <summary>
    /// The operator's acknowledgement (seen, or fixed): the finding's row goes, and its tally with it, so
    /// that the next sighting is a new finding again. False when the station has no such finding.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(string stationId, string check, CancellationToken cancellationToken)
    {
        var removed = await writer.WriteAsync((stationId, check), static async (db, s, ct) =>
        {
            var row = db.Findings.Local.FirstOrDefault(f => f.StationId == s.stationId && f.Check == s.check)
                ?? await db.Findings.FirstOrDefaultAsync(f => f.StationId == s.stationId && f.Check == s.check, ct).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            db.Findings.Remove(row);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _tallies.TryRemove((stationId, check), out _);
        return removed;
    }

    private async Task WriteAsync(Write write)
    {
        try
        {
            var created = await writer.WriteAsync(write, static async (db, w, ct) =>
            {
                var row = db.Findings.Local.FirstOrDefault(f => f.StationId == w.StationId && f.Check == w.Check)
                    ?? await db.Findings.FirstOrDefaultAsync(f => f.StationId == w.StationId && f.Check == w.Check, ct).ConfigureAwait(false);
                if (row is null && w.Finding is null)
                {
                    return null; // acknowledged meanwhile: a count alone makes no finding
                }

                var isNew = row is null;
                if (w.Finding is { } finding)
                {
                    var station = await db.Stations.FindAsync([w.StationId], ct).ConfigureAwait(false);
                    row ??= db.Findings.Add(new StationFinding
                    {
                        StationId = w.StationId,
                        Check = w.Check,
                        Requirement = finding.Requirement,
                        Expected = finding.Expected,
                        Observed = finding.Observed,
                        Fix = finding.Fix,
                        Frames = "[]",
                        FirstSeen = w.FirstSeen,
                    }).Entity;
                    row.Vendor = Clip(station?.Vendor ?? w.Vendor, 50);
                    row.Model = Clip(station?.Model ?? w.Model, 50);
                    row.Requirement = Clip(finding.Requirement, 200)!;
                    row.Expected = Clip(finding.Expected, 2000)!;
                    row.Observed = Clip(finding.Observed, 2000)!;
                    row.Fix = Clip(finding.Fix, 2000)!;
                    row.Frames = JsonSerializer.Serialize([.. finding.Frames], CsmsJsonContext.Default.EvidenceFrameArray);
                }

                row!.Count += w.Count;
                row.LastSeen = w.LastSeen > row.LastSeen ? w.LastSeen : row.LastSeen;
                return isNew ? row : null;
            }, CancellationToken.None).ConfigureAwait(false);
            if (created is not null && events.IsWatched)
            {
                events.Publish(CsmsEventTypes.FindingRaised, created.StationId,
                    new FindingData(created.Check, created.Requirement, created.Expected, created.Observed, created.Vendor, created.Model, created.FirstSeen),
                    CsmsJsonContext.Default.FindingData);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWriteFailed(logger, write.StationId, write.Check, ex);
        }
    }

    /// <summary>Too many tallies: the quiet ones (nothing pending) go, they are written already; false when none could go.</summary>
    private bool Trim(DateTimeOffset now)
    {
        var trimmed = false;
        foreach (var (key, tally) in _tallies)
        {
            if (!tally.Dirty && now - tally.LastSeen >= options.Value.WriteInterval && _tallies.TryRemove(key, out _))
            {
                trimmed = true;
            }
        }

        return trimmed;
    }

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {StationId}: storing the finding {Check} failed")]
    private static partial void LogWriteFailed(ILogger logger, string stationId, string check, Exception exception);

    private sealed class Tally
    {
        public long Pending;
        public DateTimeOffset FirstSeen;
        public DateTimeOffset LastSeen;
        public DateTimeOffset LastWritten;
        public bool Written;
        public bool Dirty;
    }

    private sealed record Write(string StationId, string Check, string? Vendor, string? Model, Finding? Finding, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
}
