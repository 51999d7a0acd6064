using MimeKit;

namespace Iskra.Csms.Notifications;

/// <summary>E-mail addresses as a subscription and an outbox message keep them: one column, separated by commas.</summary>
public static class EmailAddresses
{
    /// <summary>The most recipients a subscription has.</summary>
    public const int MaxRecipients = 20;

    /// <summary>The addresses of <paramref name="csv"/>, trimmed, empty entries dropped.</summary>
    public static string[] Split(string? csv) => (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when <paramref name="address"/> is one plain mailbox (<c>ops@example.com</c>), which is what a subscription keeps.</summary>
    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Length <= 254 && !address.Contains(',', StringComparison.Ordinal)
        && MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address == address.Trim() && mailbox.Address.Contains('@', StringComparison.Ordinal);

    /// <summary>True when every address of <paramref name="csv"/> is valid; <paramref name="count"/> says how many there are.</summary>
    public static bool AllValid(string? csv, out int count)
    {
        var all = Split(csv);
        count = all.Length;
        return Array.TrueForAll(all, IsValid);
    }
}
