using Iskra.Server;

var app = IskraHost.Build(args);
await IskraHost.PrepareAsync(app);
await app.RunAsync();
