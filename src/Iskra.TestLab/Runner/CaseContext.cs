using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Iskra.Csms.Integration;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.TestLab.Runner;

/// <summary>
/// The verbs a case is written with, so that it reads like its table: wait for what the station sends
/// (<see cref="ExpectAsync"/>), send what the Central System sends (<see cref="SendAsync"/>), ask for a
/// manual action (<see cref="ManualAsync"/>), and check (<see cref="Check"/>). A failed check is a
/// finding with the frames that prove it; an expectation that is not met stops the case.
/// </summary>
public sealed class CaseContext
{
    private readonly LabRun _run;
    private readonly List<Finding> _findings = [];
    private readonly List<Finding> _passive = []; // from the passive checks, on the station's answer loop: under _passiveGate
    private readonly Lock _passiveGate = new();
    private bool _passiveClosed;
    private readonly int _firstCall;
    private int _nextConnection;

    internal CaseContext(LabRun run, LabCase labCase)
    {
        _run = run;
        Case = labCase.Info;
        _firstCall = run.Journal.CallCount;
        _nextConnection = run.ConnectionCount;
    }

    public CaseInfo Case { get; }

    public Declared Model => _run.Declared;

    public LabSettings Settings => _run.Settings;

    public RunState State => _run.State;

    public Answers Answers => _run.Answers;

    public string StationId => _run.StationId;

    public TimeProvider Time => _run.Time;

    public CancellationToken Cancellation => _run.Cancellation;

    /// <summary>File locations on Iskra for firmware and diagnostics cases; null where no host provides them.</summary>
    public Files.LabFiles? Files => _run.Files;

    /// <summary>True while the station has an open connection to Iskra.</summary>
    public bool IsConnected => _run.Channel() is not null;

    /// <summary>The connector a single-connector case uses.</summary>
    public int Connector { get; } = 1;

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>
    /// Waits for the station's next call of <paramref name="action"/> (that matches, when given) sent since
    /// the case began; calls of other actions are answered meanwhile. Not within the time: a finding, and the
    /// case stops.
    /// </summary>
    public async Task<Received<TRequest>> ExpectAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, string step, Func<TRequest, bool>? match = null, TimeSpan? within = null, string? requirement = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var waitFrom = _run.Journal.FrameCount;
        var received = await MaybeAsync(action, match, within).ConfigureAwait(false);
        if (received is not null)
        {
            return received;
        }

        var limit = within ?? Settings.StationTimeout;
        var seen = _run.Journal.CallsFrom(_firstCall).Where(c => c.Action == action.Name).Select(c => c.Payload.GetRawText()).ToList();
        var observed = seen.Count == 0
            ? $"no {action.Name}.req within {limit.TotalSeconds:0.#} s"
            : $"no matching {action.Name}.req within {limit.TotalSeconds:0.#} s; it sent: {string.Join(" ", seen.TakeLast(3))}";
        Fail(step, $"The Charge Point sends a {action.Name}.req", observed, $"Send {action.Name}.req at this point of the flow, as {requirement ?? Case.Section} describes.", requirement, _run.Journal.Frames(waitFrom, int.MaxValue));
        throw new CaseStoppedException($"step {step}: no {action.Name}.req", skipped: false);
    }

    /// <summary>Like <see cref="ExpectAsync"/>, but returns null when the call does not come (no finding).</summary>
    public async Task<Received<TRequest>?> MaybeAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, Func<TRequest, bool>? match = null, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(within ?? Settings.StationTimeout);
        while (true)
        {
            TRequest? request = default;
            var call = _run.Journal.Take(_firstCall, c => c.Action == action.Name && Matches(c.Payload, action, match, out request), out var next);
            if (call is not null)
            {
                return new Received<TRequest>(request!, call);
            }

            try
            {
                await next.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    /// <summary>Checks that the station does NOT send a matching <paramref name="action"/> for <paramref name="during"/>.</summary>
    public async Task ExpectNoneAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, string step, TimeSpan during, Func<TRequest, bool>? match, string expected, string fix, string? requirement = null)
    {
        var received = await MaybeAsync(action, match, during).ConfigureAwait(false);
        if (received is not null)
        {
            Fail(step, expected, $"it sent {action.Name}.req {received.Call.Payload.GetRawText()}", fix, requirement, _run.Journal.FramesOf(received.Call));
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns the answer. A CALLERROR, no answer or an answer outside the schema: a finding, and the case stops.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, string step, string? requirement = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var from = _run.Journal.FrameCount;
        string observed;
        string fix;
        try
        {
            var channel = _run.Channel() ?? throw new StationDisconnectedException();
            return await channel.CallAsync(action, request, timeout ?? Settings.StationTimeout, Cancellation).ConfigureAwait(false);
        }
        catch (OcppCallErrorException e)
        {
            observed = $"CALLERROR {e.ErrorCode}: {e.Description}";
            fix = $"Implement {action.Name} (OCPP 1.6 §5, {Case.Profile}) and answer it with a {action.Name}.conf.";
        }
        catch (OcppInvalidResponseException e)
        {
            observed = $"a {action.Name}.conf that breaks the schema at {e.Error.Path}: {e.Error.Message} ({e.Response.GetRawText()})";
            fix = $"Answer {action.Name} with a {action.Name}.conf that follows the official schema; if the action is not supported, answer CALLERROR NotSupported.";
        }
        catch (OcppCallTimeoutException)
        {
            observed = $"no answer within {(timeout ?? Settings.StationTimeout).TotalSeconds:0.#} s";
            fix = $"Answer {action.Name}.req promptly (OCPP-J §4.1.1: a timeout makes the Central System assume the call failed).";
        }
        catch (StationDisconnectedException)
        {
            observed = "the connection was closed";
            fix = $"Keep the connection open while handling {action.Name}.req.";
        }

        Fail(step, $"The Charge Point answers {action.Name}.req with a valid {action.Name}.conf", observed, fix, requirement, _run.Journal.Frames(from, int.MaxValue));
        throw new CaseStoppedException($"step {step}: {action.Name} failed", skipped: false);
    }

    /// <summary>Sends a call that may be refused: the CALLERROR code (or null for an answer) and the answer.</summary>
    public async Task<(string? ErrorCode, TResponse? Response)> TrySendAsync<TRequest, TResponse>(OcppCall<TRequest, TResponse> action, TRequest request, string step)
        where TResponse : class
    {
        try
        {
            return (null, await SendAsync(action, request, step).ConfigureAwait(false));
        }
        catch (CaseStoppedException) when (_findings.Count > 0 && _findings[^1].Observed.StartsWith("CALLERROR ", StringComparison.Ordinal))
        {
            var error = _findings[^1].Observed["CALLERROR ".Length..].Split(':')[0];
            _findings.RemoveAt(_findings.Count - 1);
            return (error, null);
        }
    }

    /// <summary>
    /// Waits for the station's next new connection to Iskra since the case began (or since the one this returned last)
    /// and returns the TLS client certificate it presented (null: none; the caller disposes it). Not within the time
    /// (default StationTimeout): a finding with <paramref name="fix"/>, and the case stops.
    /// </summary>
    public async Task<X509Certificate2?> ExpectReconnectAsync(string step, string fix, TimeSpan? within = null, string? requirement = null)
    {
        var waitFrom = _run.Journal.FrameCount;
        var limit = within ?? Settings.StationTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(limit);
        while (true)
        {
            if (_run.TryGetConnection(_nextConnection, out var certificate, out var next))
            {
                _nextConnection++;
                return certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate);
            }

            try
            {
                await next.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
            {
                Fail(step, "The Charge Point reconnects to the Central System", $"no new connection within {limit.TotalSeconds:0.#} s", fix, requirement, _run.Journal.Frames(waitFrom, int.MaxValue));
                throw new CaseStoppedException($"step {step}: no reconnection", skipped: false);
            }
        }
    }

    /// <summary>
    /// The case, as certificate authority, issued <paramref name="certificate"/> to the station: Iskra admits the station's
    /// TLS connection with it while the run lasts, for this station only (the trust ends with the run).
    /// </summary>
    public void TrustIssued(X509Certificate2 certificate) => _run.Issue(certificate);

    /// <summary>Asks for a manual action and waits until it is done (by the simulator's driver or a person). "Cannot do" and "skip" stop the case as skipped.</summary>
    public Task ManualAsync(ManualAction action) => _run.PromptAsync(action, Case.Id);

    /// <summary>Iskra's side of the station's credentials (see <see cref="IStationCredentials"/>).</summary>
    public IStationCredentials Credentials => _run.Credentials ?? throw new InvalidOperationException("this run has no access to the station's credentials");

    /// <summary>Lets time pass (a case that waits for an interval).</summary>
    public Task DelayAsync(TimeSpan delay) => Task.Delay(delay, Time, Cancellation);

    /// <summary>Records a finding unless <paramref name="ok"/>; returns <paramref name="ok"/>.</summary>
    public bool Check(bool ok, string step, string expected, string observed, string fix, ReceivedCall? evidence = null, string? requirement = null)
    {
        if (!ok)
        {
            Fail(step, expected, observed, fix, requirement, evidence is null ? _run.Journal.Frames(_run.Journal.FrameCount - 4, int.MaxValue) : _run.Journal.FramesOf(evidence));
        }

        return ok;
    }

    /// <summary>Like <see cref="Check"/>, and stops the case when it fails (the next steps depend on it).</summary>
    public void Require(bool ok, string step, string expected, string observed, string fix, ReceivedCall? evidence = null, string? requirement = null)
    {
        if (!Check(ok, step, expected, observed, fix, evidence, requirement))
        {
            throw new CaseStoppedException($"step {step}: {expected}", skipped: false);
        }
    }

    /// <summary>Whether a passive check's sighting becomes a finding of this case: not yet found in it, and the case still running.</summary>
    internal bool Watches(string check)
    {
        lock (_passiveGate)
        {
            return !_passiveClosed && !HasPassive(check);
        }
    }

    /// <summary>A passive check's finding (its check id, requirement, texts and frames as the check built them), once per check.</summary>
    internal void AddPassive(Finding finding)
    {
        lock (_passiveGate)
        {
            if (!_passiveClosed && !HasPassive(finding.Check))
            {
                _passive.Add(finding);
            }
        }
    }

    /// <summary>The case is over (after its return to idle): its passive findings, and no more of them.</summary>
    internal IReadOnlyList<Finding> ClosePassive()
    {
        lock (_passiveGate)
        {
            _passiveClosed = true;
            return [.. _passive];
        }
    }

    /// <summary>Records a finding with explicit frames.</summary>
    public void Fail(string step, string expected, string observed, string fix, string? requirement, IReadOnlyList<EvidenceFrame> frames)
    {
        _findings.Add(new Finding(requirement ?? $"{Case.Section} ({Case.Id} step {step})", expected, observed, fix, frames) { Check = $"{Case.Id}/step-{step}" });
    }

    internal void FailSchema(ReceivedCall call, OcppValidationError error) =>
        _findings.Add(new Finding(
            "OCTT 1.6 §1.2 \"All messages shall comply with the OCPP 1.6 schemas\"",
            $"{call.Action}.req follows the official OCPP 1.6 JSON schema",
            $"{call.Action}.req breaks it at {error.Path}: {error.Message}",
            $"Correct the {call.Action}.req payload at {error.Path} to match the schema (allowed values and lengths are in the OCPP 1.6 JSON schema for {call.Action}).",
            _run.Journal.FramesOf(call))
        { Check = $"{Case.Id}/schema-{call.Action}" });

    private static bool Matches<TRequest, TResponse>(JsonElement payload, OcppCall<TRequest, TResponse> action, Func<TRequest, bool>? match, out TRequest? request)
    {
        try
        {
            request = payload.Deserialize(action.RequestType);
        }
        catch (JsonException)
        {
            request = default;
            return false; // answered with a CALLERROR and reported as a schema finding
        }

        return request is not null && (match is null || match(request));
    }

    private bool HasPassive(string? check)
    {
        foreach (var found in _passive)
        {
            if (string.Equals(found.Check, check, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
