using System.Text;
using Iskra.Simulator.Firmware;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>How the simulator names the firmware it installs (docs/simulator-maintenance.md).</summary>
public sealed class FirmwareVersionTests
{
    [Theory]
    [InlineData("https://fw.example.com/a/station-fw-2.4.1.bin", "", "2.4.1")]
    [InlineData("https://fw.example.com/a/fw%202.5.tar.gz", "", "2.5")]
    [InlineData("https://fw.example.com/a/nightly.bin", "", "nightly")]
    [InlineData("https://fw.example.com/a/fw-1.2.bin", "header\nversion=7.0.0-rc1\nrest", "7.0.0-rc1")]
    [InlineData("https://fw.example.com/a/fw-1.2.bin", "{\"name\": \"x\", \"version\": \"8.1\"}", "8.1")]
    [InlineData("https://fw.example.com/", "", "1.0.0")]
    public void The_version_comes_from_the_image_then_the_file_name(string url, string content, string expected) =>
        Assert.Equal(expected, FirmwareVersions.Of(new Uri(url), Encoding.UTF8.GetBytes(content), "1.0.0"));

    [Fact]
    public void A_long_version_is_cut_to_50_characters() =>
        Assert.Equal(50, FirmwareVersions.Of(new Uri("https://x.example.com/f.bin"), Encoding.UTF8.GetBytes("version=" + new string('9', 70)), "1").Length);
}
