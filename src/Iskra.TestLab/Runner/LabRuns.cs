using System.Collections.Concurrent;
using System.Text.Json;
using Iskra.Csms.Access;
using Iskra.Csms.Events;
using Iskra.Csms.Integration;
using Iskra.Csms.Integration.Passive;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Routing;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Iskra.TestLab.Cases.V16;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.TestLab.Runner;

/// <summary>
/// The lab's runs: starts one per station at a time (several stations at once), follows them, answers
/// their prompts, cancels them, and stores each run with its evidence. When the server stops, running
/// runs end as <c>interrupted</c> and their stations go back to normal routing; at start, a run stored
/// as still running is marked interrupted.
/// </summary>
public sealed partial class LabRuns(
    StationClaims claims,
    IStationChannels channels,
    IDbContextFactory<IskraDbContext> contexts,
    CsmsEvents events,
    CatalogService catalog,
    IOptions<CatalogOptions> policy,
    ConfigurationStore configuration,
    StationPasswordHasher passwords,
    AdminAudit audit,
    IOptions<LabSettings> settings,
    IOptions<PassiveOptions> passive,
    Files.LabFiles files,
    TimeProvider time,
    ILogger<LabRuns> logger) : IHostedService, IDisposable
{
    public const string RunEventType = "testlab.run";

    private static readonly ISuite[] Suites = [new V16Suite()];
    private readonly ConcurrentDictionary<string, (LabRun Run, Task Task)> _live = new(StringComparer.Ordinal);
    private readonly HttpClient _simulators = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public static IReadOnlyList<ISuite> AllSuites => Suites;

    public async Task<RunView> StartAsync(LabRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SimulatorControlUrl is { } url && SimulatorDriver.Refusal(url) is { } refusal)
        {
            throw new LabException(400, "Invalid simulatorControlUrl", refusal); // checked before any connection
        }

        Station? station;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.StationId, cancellationToken).ConfigureAwait(false);
        }

        if (station is null)
        {
            throw new LabException(404, "Unknown station", $"No station '{request.StationId}' is registered.");
        }

        if (!channels.TryGetChannel(station.Id, out var channel) || !channel.IsOpen)
        {
            throw new LabException(409, "The station is not connected", $"Station '{station.Id}' is not connected; a run claims a connected station.");
        }

        if (station.RegistrationStatus != RegistrationState.Accepted)
        {
            throw new LabException(409, "The station is not accepted", $"Station '{station.Id}' is {station.RegistrationStatus}; accept it before a run.");
        }

        var suite = SuiteFor(request.Suite, channel.Version);
        if (request.Cases?.FirstOrDefault(id => suite.Cases.All(c => c.Info.Id != id)) is { } unknownCase)
        {
            throw new LabException(400, "Unknown case", $"Suite {suite.Name} has no case '{unknownCase}'.");
        }

        var driver = request.SimulatorControlUrl is { } control ? new SimulatorDriver(_simulators, new Uri(control.EndsWith('/') ? control : control + "/")) : null;
        var run = new LabRun(Guid.NewGuid().ToString("N")[..16], station.Id, suite, request.Declared ?? new Declared(), settings.Value, channels, driver, time, Checks())
        {
            Selected = request.Cases is null ? null : request.Cases.ToHashSet(StringComparer.Ordinal),
            Files = files,
            Credentials = new LabCredentials(station.Id, contexts, configuration, passwords, audit),
            Station = new StationView(station.Vendor, station.Model, station.FirmwareVersion, station.SerialNumber, channel.Version.DisplayName()),
        };
        if (!claims.TryClaim(station.Id, run, out var holder))
        {
            run.Dispose();
            throw new LabException(409, "The station is claimed", $"Station '{station.Id}' is claimed by {holder.Owner} ({holder.Reference}); one run per station at a time.");
        }

        try
        {
            await SaveAsync(run, frames: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            claims.Release(station.Id, run);
            run.Dispose();
            throw;
        }

        run.Changed += OnChanged;
        var task = Task.Run(() => ExecuteAsync(run), CancellationToken.None);
        _live[run.Id] = (run, task);
        return Snapshot(run);
    }

    /// <summary>
    /// The fleet's passive checks for a run's station (null when <c>Passive:Enabled</c> is false): the same
    /// thresholds, except the energy check's minimum, which a case's short transaction would never reach.
    /// </summary>
    private PassiveOptions? Checks()
    {
        var fleet = passive.Value;
        return fleet.Enabled
            ? new PassiveOptions
            {
                MinExpectedEnergyWh = settings.Value.MinExpectedEnergyWh,
                MinEnergyRatio = fleet.MinEnergyRatio,
                RegisterTolerance = fleet.RegisterTolerance,
                MaxClockSkew = fleet.MaxClockSkew,
                MessageIdWindow = fleet.MessageIdWindow,
            }
            : null;
    }

    public async Task<RunView?> FindAsync(string runId, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(runId, out var live))
        {
            return Snapshot(live.Run);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.LabRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        return record is null ? null : Read(record);
    }

    public async Task<IReadOnlyList<RunView>> ListAsync(string? stationId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.LabRuns.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(r => r.StationId == stationId);
        }

        var records = await query.OrderByDescending(r => r.CreatedAt).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => _live.TryGetValue(r.Id, out var live) ? Snapshot(live.Run) : Read(r))];
    }

    /// <summary>The run's frames, in order (the whole evidence).</summary>
    public async Task<IReadOnlyList<FrameView>> FramesAsync(string runId, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(runId, out var live))
        {
            return [.. live.Run.Journal.AllFrames().Select(f => new FrameView(f.At, f.FromStation ? "station" : "csms", f.Frame))];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var frames = await db.LabFrames.AsNoTracking().Where(f => f.RunId == runId).OrderBy(f => f.Seq).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. frames.Select(f => new FrameView(f.At, f.FromStation ? "station" : "csms", f.Frame))];
    }

    /// <summary>Answers the run's waiting manual step.</summary>
    public RunView Answer(string runId, PromptAnswer answer)
    {
        var run = Live(runId);
        if (!run.Answer(answer))
        {
            throw new LabException(409, "No manual step is waiting", $"Run {runId} waits for no manual step now (status {run.Status}).");
        }

        return Snapshot(run);
    }

    public RunView Cancel(string runId)
    {
        var run = Live(runId);
        run.Cancel(interrupted: false);
        return Snapshot(run);
    }

    /// <summary>Waits until the run is over (for tests and the CLI's in-process use).</summary>
    public Task WaitAsync(string runId) => _live.TryGetValue(runId, out var live) ? live.Task : Task.CompletedTask;

    async Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        // A run is never resumed; one stored as still going was cut by a stop or a crash.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.LabRuns.Where(r => r.Status == Verdicts.Queued || r.Status == Verdicts.Running || r.Status == Verdicts.Waiting)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, Verdicts.Interrupted).SetProperty(r => r.FinishedAt, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (run, _) in _live.Values)
        {
            run.Cancel(interrupted: true);
        }

        await Task.WhenAll(_live.Values.Select(l => l.Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _simulators.Dispose();

    private async Task ExecuteAsync(LabRun run)
    {
        try
        {
            await run.RunAsync(r => SaveAsync(r, frames: false, CancellationToken.None)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a run that breaks must still give its station back and be stored
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRunFailed(logger, e, run.Id, run.StationId);
            run.Cancel(interrupted: true);
        }
        finally
        {
            claims.Release(run.StationId, run); // nothing claimed stays claimed
        }

        try
        {
            await SaveAsync(run, frames: true, CancellationToken.None).ConfigureAwait(false);
            await RecordInCatalogAsync(Snapshot(run)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // storage trouble is logged; the live view stays until restart
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRunFailed(logger, e, run.Id, run.StationId);
        }
        finally
        {
            run.Changed -= OnChanged;
            _live.TryRemove(run.Id, out _);
            run.Dispose();
        }
    }

    /// <summary>A finished run of an identified model goes into the catalog, which judges the model by the operator's policy.</summary>
    private Task RecordInCatalogAsync(RunView view)
    {
        if (view.Status is not (Verdicts.Passed or Verdicts.Failed) || view.Station is not { Vendor: { Length: > 0 } vendor, Model: { Length: > 0 } model } station)
        {
            return Task.CompletedTask; // a cancelled or interrupted run judges nothing
        }

        var profiles = view.Profiles.Select(p => new FeatureProfileResult(Declared.Normalize(p.Profile), p.Passed, p.Failed, p.Skipped + p.Pending, p.NotApplicable)).ToList();
        return catalog.RecordRunAsync(new LabRunOutcome(view.Id, view.StationId, vendor, model, station.FirmwareVersion, station.OcppVersion, view.FinishedAt ?? time.GetUtcNow(), profiles), CancellationToken.None);
    }

    private async Task SaveAsync(LabRun run, bool frames, CancellationToken cancellationToken)
    {
        var view = Snapshot(run);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.LabRuns.FirstOrDefaultAsync(r => r.Id == run.Id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            record = new LabRunRecord { Id = run.Id, StationId = run.StationId, Suite = run.Suite.Name, Status = view.Status, View = string.Empty, CreatedAt = run.CreatedAt };
            db.LabRuns.Add(record);
        }

        record.Status = view.Status;
        record.FinishedAt = view.FinishedAt;
        record.Vendor = view.Station?.Vendor;
        record.Model = view.Station?.Model;
        record.FirmwareVersion = view.Station?.FirmwareVersion;
        record.View = JsonSerializer.Serialize(view with { Prompt = null }, LabJsonContext.Default.RunView);
        if (frames)
        {
            var seq = 0;
            db.LabFrames.AddRange(run.Journal.AllFrames().Select(f => new LabFrameRecord { RunId = run.Id, Seq = seq++, At = f.At, FromStation = f.FromStation, Frame = f.Frame }));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnChanged(LabRun run)
    {
        if (events.IsWatched)
        {
            var view = Snapshot(run);
            events.Publish(RunEventType, run.StationId, new RunEvent(run.Id, view.Status, view.Summary, view.Prompt), LabJsonContext.Default.RunEvent);
        }
    }

    private RunView Snapshot(LabRun run) => run.Snapshot(view => Readiness.Of(view, policy.Value.Required));

    private static RunView Read(LabRunRecord record)
    {
        var view = JsonSerializer.Deserialize(record.View, LabJsonContext.Default.RunView)!;
        return view with { Status = record.Status, FinishedAt = record.FinishedAt ?? view.FinishedAt };
    }

    private LabRun Live(string runId) =>
        _live.TryGetValue(runId, out var live)
            ? live.Run
            : throw new LabException(409, "The run is not running", $"Run {runId} is over or unknown; only a running run takes answers or a cancel.");

    private static ISuite SuiteFor(string? name, OcppVersion version)
    {
        var wanted = name ?? (version == OcppVersion.V16 ? "ocpp1.6" : "ocpp2.0.1");
        var suite = Suites.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new LabException(422, "No such suite", $"There is no suite '{wanted}'. Suites: {string.Join(", ", Suites.Select(s => s.Name))} (the 2.0.1 suite is not built yet).");
        if (suite.Version != version)
        {
            throw new LabException(422, "The suite does not fit the station", $"Suite {suite.Name} is for OCPP {suite.Version.DisplayName()}; the station speaks {version.DisplayName()}.");
        }

        return suite;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Test lab run {RunId} of station {StationId} broke")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string runId, string stationId);
}
