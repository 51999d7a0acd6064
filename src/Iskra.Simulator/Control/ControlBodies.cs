namespace Iskra.Simulator.Control;

/// <summary>POST …/plug: the EV plugged in; every field optional (a 60 kWh car at 30 % by default).</summary>
public sealed record PlugBody(double? CapacityWh = null, double? Soc = null, double? MaxPowerW = null, double? TargetSoc = null);

/// <summary>POST …/card: the card held to the connector's reader.</summary>
public sealed record CardBody(string? IdTag = null);

/// <summary>POST …/fault: a hardware fault, as a 1.6 ChargePointErrorCode (OtherError by default).</summary>
public sealed record FaultBody(string? ErrorCode = null);

/// <summary>What an action did: "ok", or the card's authorization status ("Accepted", "Invalid", "Stopped", …).</summary>
public sealed record ActionAnswer(string Result);

/// <summary>One fault a station can be switched into.</summary>
public sealed record FaultInfo(string Name, string Description);

/// <summary>One station log entry: "sent"/"received" frames, "note", "problem".</summary>
public sealed record LogEntryView(long Seq, DateTimeOffset At, string Kind, string Text);

/// <summary>An RFC 7807 problem.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail);
