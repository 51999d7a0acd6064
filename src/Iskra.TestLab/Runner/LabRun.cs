using System.Security.Cryptography.X509Certificates;
using Iskra.Csms.Integration;
using Iskra.Csms.Integration.Passive;
using Iskra.Csms.Routing;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.TestLab.Runner;

/// <summary>
/// One run of a suite against one station. While it runs it holds the station's claim: it answers the
/// station's calls (<see cref="HandleAsync"/>: the case's script, else the suite's defaults) and keeps
/// every frame as evidence. Cases run one after the other, each followed by a return to idle. The passive
/// checks that judge a message's content (the fleet's, docs/passive-findings.md) watch the station's calls
/// too: what they find is a finding of the case running when the call came. It sees each new connection of the
/// station with the client certificate presented (<see cref="OnConnected"/>), and a client certificate a case
/// issued to the station (<see cref="Issue"/>) is trusted for the station's admission until the run ends.
/// </summary>
public sealed class LabRun : IStationClaim, IDisposable
{
    private readonly IStationChannels _channels;
    private readonly IManualDriver? _driver;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CaseView> _results = new(StringComparer.Ordinal);
    private volatile CaseContext? _current;
    private TaskCompletionSource<PromptAnswer>? _answer;
    private PromptView? _prompt;
    private readonly StationWatch? _watch;
    private readonly List<byte[]> _issued = []; // under _gate
    private volatile bool _over; // the run has finished: nothing it issued is trusted any more
    private readonly List<byte[]?> _connections = []; // each new connection's client certificate (DER), under _gate
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously); // under _gate

    /// <param name="checks">The passive checks' thresholds; null: no passive checks in this run.</param>
    public LabRun(string id, string stationId, ISuite suite, Declared declared, LabSettings settings, IStationChannels channels, IManualDriver? driver, TimeProvider time, PassiveOptions? checks = null)
    {
        Id = id;
        StationId = stationId;
        Suite = suite;
        Declared = declared;
        Settings = settings;
        Time = time;
        _channels = channels;
        _driver = driver;
        Journal = new RunJournal(time);
        State = new RunState { HeartbeatInterval = settings.HeartbeatInterval };
        CreatedAt = time.GetUtcNow();
        Status = Verdicts.Queued;
        suite.InstallDefaults(Answers, State, time);
        _watch = checks is null ? null : StationWatch.ForContent(stationId, suite.Version, checks, time, new CaseSink(this));
    }

    public string Id { get; }

    public string StationId { get; }

    public ISuite Suite { get; }

    public Declared Declared { get; }

    public LabSettings Settings { get; }

    public TimeProvider Time { get; }

    public RunJournal Journal { get; }

    public RunState State { get; }

    public Answers Answers { get; } = new();

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string Status { get; private set; }

    public StationView? Station { get; set; }

    public CancellationToken Cancellation => _cancel.Token;

    public string Owner => $"test lab run {Id}";

    public string Reference => $"/api/testlab/runs/{Id}";

    /// <summary>The file locations the firmware and diagnostics cases use; null where no host provides them.</summary>
    public Files.LabFiles? Files { get; init; }

    /// <summary>Iskra's side of the station's credentials, for the security cases (null: not available to this run).</summary>
    public IStationCredentials? Credentials { get; init; }

    /// <summary>The case ids selected for the run; null: all.</summary>
    public IReadOnlySet<string>? Selected { get; init; }

    /// <summary>Raised when the status, a verdict or the prompt changes.</summary>
    public event Action<LabRun>? Changed;

    public IStationChannel? Channel() => _channels.TryGetChannel(StationId, out var channel) && channel.IsOpen ? channel : null;

    public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame) => Journal.OnFrame(direction, utf8Frame);

    /// <summary>
    /// A case, acting as certificate authority, issued <paramref name="certificate"/> to the station: Iskra admits the
    /// station presenting it while this run holds the station and has not finished (<see cref="IssuedClientCertificate"/>).
    /// </summary>
    internal void Issue(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_gate)
        {
            _issued.Add(certificate.RawData);
        }
    }

    /// <summary>Exactly a certificate this run issued to its station, valid now, while the run is not over.</summary>
    public bool IssuedClientCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var now = Time.GetUtcNow().UtcDateTime;
        if (_over || now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return false;
        }

        var presented = certificate.RawDataMemory.Span;
        lock (_gate)
        {
            foreach (var issued in _issued)
            {
                if (presented.SequenceEqual(issued))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public void OnConnected(X509Certificate2? clientCertificate)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _connections.Add(clientCertificate?.RawData);
            signal = _connected;
            _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>How many new connections the station made during the run.</summary>
    internal int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>The client certificate (DER, null: none) of connection <paramref name="index"/> when it came; else false and a task that ends at the next one.</summary>
    internal bool TryGetConnection(int index, out byte[]? clientCertificate, out Task next)
    {
        lock (_gate)
        {
            next = _connected.Task;
            clientCertificate = index < _connections.Count ? _connections[index] : null;
            return index < _connections.Count;
        }
    }

    public ValueTask<RpcReply> HandleAsync(RpcCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Journal.Add(request);
        var action = OcppCatalogs.Find(Suite.Version, request.Action);
        if (action is null)
        {
            return ValueTask.FromResult(RpcReply.Error(OcppErrorCode.NotImplemented, $"Unknown action {request.Action}"));
        }

        if (action.ValidateRequest(request.Payload) is { } error)
        {
            _current?.FailSchema(call, error);
            return ValueTask.FromResult(RpcReply.Error(error.Code, $"{error.Path}: {error.Message}"));
        }

        Suite.Observe(State, call);
        var reply = Answers.Answer(request.Action, request.Payload);
        _watch?.OnCall(request, reply);
        return ValueTask.FromResult(reply);
    }

    /// <summary>Runs every case; returns when the run is over (passed, failed, cancelled or interrupted).</summary>
    public async Task RunAsync(Func<LabRun, Task> checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        StartedAt = Time.GetUtcNow();
        SetStatus(Verdicts.Running);
        _results[SurveyCase.Instance.Info.Id] = View(SurveyCase.Instance.Info, Verdicts.Pending);
        foreach (var labCase in Suite.Cases)
        {
            _results[labCase.Info.Id] = View(labCase.Info, Verdicts.Pending);
        }

        try
        {
            await RunCaseAsync(SurveyCase.Instance, Suite.SurveyAsync).ConfigureAwait(false);
            foreach (var labCase in Suite.Cases)
            {
                Cancellation.ThrowIfCancellationRequested();
                if (Selected is not null && !Selected.Contains(labCase.Info.Id))
                {
                    Record(View(labCase.Info, Verdicts.Skipped) with { Reason = "not selected for this run" });
                    continue;
                }

                if (labCase.NotApplicableTo(Declared) is { } reason)
                {
                    Record(View(labCase.Info, Verdicts.NotApplicable) with { Reason = reason });
                    continue;
                }

                await RunCaseAsync(labCase, labCase.RunAsync).ConfigureAwait(false);
                await checkpoint(this).ConfigureAwait(false);
            }

            foreach (var unbuilt in Suite.NotYetBuilt)
            {
                Record(Declared.Supports(unbuilt.Profile)
                    ? View(unbuilt, Verdicts.Skipped) with { Reason = "not built yet in this version of the lab" }
                    : View(unbuilt, Verdicts.NotApplicable) with { Reason = $"the model does not declare the {unbuilt.Profile} feature profile" });
            }

            foreach (var (id, notApplicable) in Suite.NotApplicable)
            {
                Record(View(new CaseInfo(id, notApplicable.Title, notApplicable.Profile, "OCTT 1.6"), Verdicts.NotApplicable) with { Reason = notApplicable.Reason });
            }

            Finish(_results.Values.Any(c => c.Verdict == Verdicts.Failed) ? Verdicts.Failed : Verdicts.Passed);
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            Finish(Status == Verdicts.Interrupted ? Verdicts.Interrupted : Verdicts.Cancelled);
        }
    }

    private async Task RunCaseAsync(LabCase labCase, Func<CaseContext, Task> steps)
    {
        var started = Time.GetUtcNow();
        var t = new CaseContext(this, labCase);
        _current = t;
        string verdict;
        string? reason = null;
        try
        {
            await steps(t).ConfigureAwait(false);
            verdict = t.Findings.Count == 0 ? Verdicts.Passed : Verdicts.Failed;
        }
        catch (CaseStoppedException stopped)
        {
            verdict = stopped.Skipped && t.Findings.Count == 0 ? Verdicts.Skipped : Verdicts.Failed;
            reason = stopped.Message;
        }
        finally
        {
            Answers.ClearScript();
        }

        if (!Cancellation.IsCancellationRequested)
        {
            try
            {
                await Suite.ReturnToIdleAsync(t).ConfigureAwait(false);
            }
            catch (CaseStoppedException stopped)
            {
                reason ??= "after the case: " + stopped.Message;
            }

            if (verdict == Verdicts.Passed && t.Findings.Count > 0)
            {
                verdict = Verdicts.Failed;
            }
        }

        _current = null;
        var passive = t.ClosePassive();
        if (passive.Count > 0 && verdict is Verdicts.Passed or Verdicts.Skipped)
        {
            verdict = Verdicts.Failed;
        }

        Record(View(labCase.Info, verdict) with
        {
            Reason = verdict == Verdicts.Passed ? null : reason,
            StartedAt = started,
            Seconds = Math.Round((Time.GetUtcNow() - started).TotalSeconds, 1),
            Findings = [.. t.Findings.Concat(passive).Select(ToView)],
        });
    }

    /// <summary>Performs or asks for a manual action; "cannot" and "skip" stop the case as skipped.</summary>
    internal async Task PromptAsync(ManualAction action, string caseId)
    {
        if (_driver is not null)
        {
            if (!await _driver.PerformAsync(StationId, action, Cancellation).ConfigureAwait(false))
            {
                throw new CaseStoppedException($"the simulator could not: {action.Instruction}", skipped: true);
            }

            return;
        }

        var now = Time.GetUtcNow();
        var answer = new TaskCompletionSource<PromptAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _answer = answer;
            _prompt = new PromptView(caseId, action.Kind.ToString(), action.Instruction, action.Connector, action.IdTag, now, now + Settings.PromptTimeout);
        }

        SetStatus(Verdicts.Waiting);
        PromptAnswer given;
        try
        {
            given = await answer.Task.WaitAsync(Settings.PromptTimeout, Time, Cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            given = PromptAnswer.Skip;
        }
        finally
        {
            lock (_gate)
            {
                _answer = null;
                _prompt = null;
            }

            if (!Cancellation.IsCancellationRequested)
            {
                SetStatus(Verdicts.Running);
            }
        }

        switch (given)
        {
            case PromptAnswer.Cannot:
                throw new CaseStoppedException($"the tester could not: {action.Instruction}", skipped: true);
            case PromptAnswer.Skip:
                throw new CaseStoppedException($"skipped at the manual step: {action.Instruction}", skipped: true);
        }
    }

    /// <summary>Answers the waiting manual step; false when none is waiting.</summary>
    public bool Answer(PromptAnswer answer)
    {
        lock (_gate)
        {
            return _answer?.TrySetResult(answer) ?? false;
        }
    }

    /// <summary>Cancels the run (<paramref name="interrupted"/>: because the server stops).</summary>
    public void Cancel(bool interrupted)
    {
        if (interrupted)
        {
            Status = Verdicts.Interrupted;
        }

        _cancel.Cancel();
    }

    public void Dispose()
    {
        _watch?.Close();
        _cancel.Dispose();
    }

    public RunView Snapshot(Func<RunView, (bool Ready, string Readiness)> readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        List<CaseView> cases;
        PromptView? prompt;
        lock (_gate)
        {
            cases = [.. _results.Values];
            prompt = _prompt;
        }

        var view = new RunView
        {
            Id = Id,
            StationId = StationId,
            Suite = Suite.Name,
            Status = Status,
            CreatedAt = CreatedAt,
            StartedAt = StartedAt,
            FinishedAt = FinishedAt,
            Station = Station,
            Declared = Declared,
            Summary = RunSummary.Of(cases),
            Profiles = RunSummary.ByProfile(cases),
            Cases = cases,
            Prompt = prompt,
        };
        var (ready, why) = readiness(view);
        return view with { ReadyForIntegration = ready, Readiness = why };
    }

    private void Finish(string status)
    {
        _over = true;
        FinishedAt = Time.GetUtcNow();
        SetStatus(status);
    }

    private void SetStatus(string status)
    {
        if (Status == Verdicts.Interrupted && status != Verdicts.Interrupted)
        {
            return; // the server is stopping: nothing overrides that
        }

        Status = status;
        Changed?.Invoke(this);
    }

    private void Record(CaseView view)
    {
        lock (_gate)
        {
            _results[view.Id] = view;
        }

        Changed?.Invoke(this);
    }

    /// <summary>The passive checks' findings become the running case's, each check at most once per case; none between cases, none stored as the station's.</summary>
    private sealed class CaseSink(LabRun run) : IPassiveSink
    {
        public bool Sighted(StationWatch watch, string check, DateTimeOffset now) => run._current?.Watches(check) ?? false;

        public void Store(StationWatch watch, Finding finding, DateTimeOffset now) => run._current?.AddPassive(finding);

        public void Closed(StationWatch watch)
        {
            // nothing held for the run
        }
    }

    private static CaseView View(CaseInfo info, string verdict) =>
        new() { Id = info.Id, Title = info.Title, Profile = info.Profile, Section = info.Section, Verdict = verdict };

    private static FindingView ToView(Finding f) =>
        new(f.Check, f.Requirement, f.Expected, f.Observed, f.Fix, [.. f.Frames.Select(x => new FrameView(x.At, x.FromStation ? "station" : "csms", x.Frame))]);
}
