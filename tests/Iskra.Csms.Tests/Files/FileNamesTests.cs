using Iskra.Csms.Files;

namespace Iskra.Csms.Tests.Files;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("diag.tar.gz", "diag.tar.gz")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..%2F..%2Fetc%2Fshadow", "shadow")]
    [InlineData(@"C:\Windows\win.ini", "win.ini")]
    [InlineData("logs/", "logs")]
    [InlineData("..", "fallback.bin")]
    [InlineData(".hidden", "hidden")]
    [InlineData("a\u0000b\r\nc.log", "abc.log")]
    [InlineData("what?.log", "what.log")]
    [InlineData("   ", "fallback.bin")]
    [InlineData(null, "fallback.bin")]
    [InlineData("%E0%A4%A", "%E0%A4%A")]
    public void A_client_file_name_becomes_its_last_segment_without_dangerous_characters(string? name, string expected) =>
        Assert.Equal(expected, FileNames.Sanitize(name, "fallback.bin"));

    [Fact]
    public void A_very_long_name_is_cut_to_255_characters() =>
        Assert.Equal(FileNames.MaxLength, FileNames.Sanitize(new string('a', 1000), "x").Length);
}
