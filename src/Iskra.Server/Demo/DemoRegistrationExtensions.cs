namespace Iskra.Server.Demo;

/// <summary>Adds demo mode to the host when <c>Demo:Enabled</c> is true (<c>--demo</c>).</summary>
public static class DemoRegistrationExtensions
{
    public static IServiceCollection AddIskraDemo(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Demo");
        if (!section.GetValue<bool>("Enabled"))
        {
            return services;
        }

        services.Configure<DemoOptions>(section);
        services.AddSingleton<DemoRegistration>();
        services.AddSingleton<DemoService>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoService>());
        return services;
    }
}
