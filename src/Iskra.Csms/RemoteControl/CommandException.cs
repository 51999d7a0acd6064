namespace Iskra.Csms.RemoteControl;

/// <summary>A command that was refused before anything reached the station.</summary>
public sealed class CommandException : Exception
{
    public CommandException(CommandFailure failure, string message, IReadOnlyList<CommandViolation>? violations = null)
        : base(message)
    {
        Failure = failure;
        Violations = violations ?? [];
    }

    public CommandFailure Failure { get; }

    public IReadOnlyList<CommandViolation> Violations { get; }

    public static CommandException Invalid(string path, string message) =>
        new(CommandFailure.InvalidBody, $"{path}: {message}", [new CommandViolation(path, message)]);

    public static CommandException NotConfigured(string message) => new(CommandFailure.NotConfigured, message);

    public static CommandException NotOnVersion(string command, string version, string? hint = null) =>
        new(CommandFailure.NotOnVersion, $"'{command}' has no meaning on an OCPP {version} station.{(hint is null ? "" : " " + hint)}");
}
