// The semlib command. Everything happens in SemLibCli.Run, which the tests call in-process.
return SemLib.Cli.SemLibCli.Run(args, Console.Out, Console.Error);
