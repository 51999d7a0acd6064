using Iskra.Csms.Stations;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Tests.Stations;

public sealed class StationPasswordsTests
{
    [Fact]
    public void A_hashed_password_verifies()
    {
        var hash = StationPasswords.Hash("correct horse battery", 1000);

        Assert.True(StationPasswords.Verify("correct horse battery", hash));
    }

    [Fact]
    public void A_wrong_password_does_not_verify()
    {
        var hash = StationPasswords.Hash("correct horse battery", 1000);

        Assert.False(StationPasswords.Verify("correct horse batterY", hash));
        Assert.False(StationPasswords.Verify("", hash));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$10000$!!!$abc")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$10000$AAAA$")]
    [InlineData("md5$1$x$y")]
    public void A_damaged_stored_hash_refuses_instead_of_throwing(string stored) =>
        Assert.False(StationPasswords.Verify("x", stored));

    [Fact]
    public void Hashes_are_salted_so_the_same_password_hashes_differently_each_time()
    {
        var first = StationPasswords.Hash("same password", 1000);
        var second = StationPasswords.Hash("same password", 1000);

        Assert.NotEqual(first, second);
        Assert.True(StationPasswords.Verify("same password", first));
        Assert.True(StationPasswords.Verify("same password", second));
    }

    [Fact]
    public void The_stored_form_names_the_algorithm_and_never_contains_the_password()
    {
        var hash = StationPasswords.Hash("plain-text-secret", 1000);

        Assert.StartsWith("pbkdf2-sha256$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-text-secret", hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("password")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    public void The_decoy_never_verifies(string password) =>
        Assert.False(new StationPasswordHasher(Options.Create(new CsmsOptions { PasswordIterations = 1000 })).Verify("cp-1", password, null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain-text")]
    [InlineData("md5$1$a$b")]
    public void A_missing_or_foreign_stored_hash_does_not_verify(string? stored) =>
        Assert.False(StationPasswords.Verify("plain-text", stored));

    [Fact]
    public void Generated_passwords_are_within_the_OCPP_length_limits_and_differ()
    {
        // OCPP 1.6 Security Whitepaper §7.2: AuthorizationKey, 16 to 20 random bytes as up to 40 hexadecimal digits.
        var first = StationPasswords.Generate();
        var second = StationPasswords.Generate();

        Assert.Equal(40, first.Length);
        Assert.True(first.All(char.IsAsciiHexDigit));
        Assert.NotEqual(first, second);
        Assert.DoesNotContain('+', first);
        Assert.DoesNotContain('/', first);
    }
}
