using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.TestLab.Tests.Runs;
using Microsoft.Playwright;

namespace Iskra.TestLab.Tests.Reports;

/// <summary>The HTML report in a real browser (Debian's Chromium through Playwright): it renders, shows the finding, and its links work.</summary>
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_report_renders_the_finding_and_its_case_link_jumps_to_it()
    {
        await using var lab = await LabHarness.StartAsync("LAB-HTML", StationFault.RejectsRemoteStart);
        var runId = await lab.StartRunAsync(LabHarness.AllProfiles, "TC_003_CS", "TC_010_CS");
        await lab.FinishedAsync(runId);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + ApiClient.AdminKey, ["Accept"] = "text/html" },
        });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(new Uri(lab.Server.BaseUri, $"/api/testlab/runs/{runId}/report").ToString());

        Assert.Equal(200, response!.Status);
        Assert.StartsWith("Integration report", await page.TitleAsync());
        Assert.Equal("Not ready for integration", (await page.Locator(".verdict").InnerTextAsync()).Split(':')[0]);
        var finding = page.Locator("#TC_010_CS .finding");
        Assert.True(await finding.First.IsVisibleAsync());
        var text = await page.Locator("#TC_010_CS").InnerTextAsync();
        Assert.Contains("Rejected", text);
        Assert.Contains("RemoteStartTransaction", text); // the frames that prove it

        await page.Locator("#cases").ScrollIntoViewIfNeededAsync();
        await page.Locator("a[href='#TC_010_CS']").ClickAsync();
        Assert.EndsWith("#TC_010_CS", page.Url);
        Assert.True(await page.Locator("#TC_010_CS").IsVisibleAsync());
        var box = await page.Locator("#TC_010_CS").BoundingBoxAsync();
        Assert.InRange(box!.Y, -1, page.ViewportSize!.Height); // the jump brought it into view

        await page.Locator("a[href='#summary']").ClickAsync();
        Assert.EndsWith("#summary", page.Url);
        Assert.Empty(errors);
        Assert.All(requested, url => Assert.StartsWith(lab.Server.BaseUri.GetLeftPart(UriPartial.Authority), url)); // nothing from elsewhere
    }
}
