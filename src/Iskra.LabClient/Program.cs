using Iskra.LabClient;

return await LabCommand.RunAsync(args, Console.In, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
