using Iskra.TestLab.Runner;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.TestLab;

/// <summary>Registers the lab: its settings (section <c>TestLab</c>) and the runs service, which the host starts and stops.</summary>
public static class LabRegistration
{
    public static IServiceCollection AddTestLab(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LabSettings>(configuration.GetSection("TestLab"));
        services.AddSingleton<Files.LabFiles>();
        services.AddSingleton<LabRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<LabRuns>());
        return services;
    }
}
