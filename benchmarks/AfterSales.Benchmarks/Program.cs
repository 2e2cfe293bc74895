using AfterSales.Benchmarks;
using BenchmarkDotNet.Running;

// Two modes (docs/benchmarks.md):
//   dotnet run -c Release --project benchmarks/AfterSales.Benchmarks                      every micro-benchmark
//   dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- --filter '*Deadline*'   BenchmarkDotNet's own options
//   dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- load --url http://127.0.0.1:5080 --seconds 20 --concurrency 16
if (args.Length > 0 && args[0] == "load")
{
    return await LoadDriver.RunAsync(args[1..]);
}

var switcher = BenchmarkSwitcher.FromAssembly(typeof(DeadlineBenchmarks).Assembly);
if (args.Length == 0)
{
    switcher.RunAll();
}
else
{
    switcher.Run(args);
}

return 0;
