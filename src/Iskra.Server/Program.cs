using Iskra.Server;

return await ServerStart.RunAsync(IskraHost.Build(args));
