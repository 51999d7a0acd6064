using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

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

    /// <summary>A request of <paramref name="action"/> that violates the official schema of <paramref name="version"/>; nothing was sent.</summary>
    public static CommandException SchemaViolation(string action, OcppVersion version, OcppValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(
            CommandFailure.InvalidBody,
            $"The {action} payload for OCPP {version.DisplayName()} violates the official schema at {error.Path}: {error.Message}",
            [new CommandViolation(error.Path, $"{error.Message} ({error.Code.ToWire(version)})")]);
    }

    public static CommandException NotConfigured(string message) => new(CommandFailure.NotConfigured, message);

    public static CommandException NotOnVersion(string command, string version, string? hint = null) =>
        new(CommandFailure.NotOnVersion, $"'{command}' has no meaning on an OCPP {version} station.{(hint is null ? "" : " " + hint)}");
}
