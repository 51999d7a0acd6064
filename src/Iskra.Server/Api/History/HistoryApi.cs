namespace Iskra.Server.Api.History;

/// <summary>
/// The station history, readable (docs/history.md): what stations reported and Iskra stored, as paged lists filtered by
/// station and period, and what is computed from it (status durations, availability).
/// </summary>
public static class HistoryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        NoticesApi.Map(api);
        SecurityEventsApi.Map(api);
        NotifyEventsApi.Map(api);
        StatusHistoryApi.Map(api);
        MeterReadingsApi.Map(api);
        BootsApi.Map(api);
        AvailabilityApi.Map(api);
    }
}
