using AfterSales.MonitorBench;

// dotnet run -c Release --project benchmarks/AfterSales.MonitorBench -- --provider Postgres --connection "Host=…;Database=…" --open 1000000 --due 10000
return await MonitorDriver.RunAsync(args);
