using BufferLab.Simulator.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
