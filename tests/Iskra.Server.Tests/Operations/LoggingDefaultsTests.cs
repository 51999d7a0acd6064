using Iskra.Csms.Diagnostics;
using Iskra.Csms.Files;
using Iskra.Server.Tests.Files;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iskra.Server.Tests.Operations;

/// <summary>The server started from a folder without its appsettings.json keeps the same logging rules.</summary>
public sealed class LoggingDefaultsTests
{
    [Fact]
    public async Task Without_appsettings_json_no_request_line_and_so_no_file_token_reaches_the_log()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "iskra-tests", "bare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(contentRoot);
        var database = await TestDatabase.CreateAsync("sqlite");
        var capture = new LogCapture();
        await using var app = IskraHost.Build(["--urls", "http://127.0.0.1:0", "--contentRoot", contentRoot], builder =>
        {
            builder.Configuration["DATABASE"] = database.ConnectionString;
            builder.Configuration["API_KEY"] = ApiClient.AdminKey;
            builder.Configuration["Files:Root"] = Path.Combine(contentRoot, "files");
            builder.Logging.AddProvider(capture);
        });
        Assert.False(File.Exists(Path.Combine(app.Environment.ContentRootPath, "appsettings.json")));
        await IskraHost.PrepareAsync(app, TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var token = FileLinks.NewToken();
        await using (var db = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Iskra.Csms.Storage.IskraDbContext>>().CreateDbContext())
        {
            db.UploadRequests.Add(new UploadRequest
            {
                StationId = "log-1",
                Kind = UploadService.Diagnostics,
                Token = token,
                Location = baseUrl + "/files/uploads/" + token + "/",
                Status = "Accepted",
                Actor = "test",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Uploads.PutAsync($"{baseUrl}/files/uploads/{token}/diag.log", [1, 2, 3]).EnsureStatusAsync(201);
        await app.StopAsync(TestContext.Current.CancellationToken);

        Assert.Contains(capture.Lines, l => l.Contains("Now listening on", StringComparison.Ordinal)); // the capture works
        Assert.DoesNotContain(capture.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }
}
