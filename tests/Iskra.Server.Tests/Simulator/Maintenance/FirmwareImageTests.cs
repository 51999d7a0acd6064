using System.Text;
using Iskra.Simulator.Firmware;

namespace Iskra.Server.Tests.Simulator.Maintenance;

/// <summary>Which downloaded images the simulator refuses to install (docs/simulator-maintenance.md).</summary>
public sealed class FirmwareImageTests
{
    [Theory]
    [InlineData("version=2.0\nanything", true)]
    [InlineData("model=Simulator\nversion=2.0", true)]
    [InlineData("model=Wallbox-X, simulator", true)]
    [InlineData("{\"version\": \"2.0\", \"model\": \"Simulator\"}", true)]
    [InlineData("model=none\nversion=2.0", false)]
    [InlineData("{\"model\": \"Wallbox-X\"}", false)]
    [InlineData("", false)]
    public void An_image_installs_unless_it_is_empty_or_names_other_models(string content, bool installs) =>
        Assert.Equal(installs, FirmwareImages.Refusal(Encoding.UTF8.GetBytes(content), "Simulator") is null);

    [Fact]
    public void A_field_that_merely_ends_in_model_names_no_model() =>
        Assert.Null(FirmwareImages.Refusal(Encoding.UTF8.GetBytes("{\"chargePointModel\": \"Other\"}"), "Simulator"));
}
