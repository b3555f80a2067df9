using Keel.Bench;

// Benchmarks are programs, not timed tests: each prints its figures as ratios against a baseline
// measured in the same run, because this machine's speed varies from run to run.
var name = args.FirstOrDefault() ?? "paging";
return name switch
{
    "paging" => await PagingBench.RunAsync(args.Skip(1).ToArray()),
    "impact" => ImpactBench.Run(args.Skip(1).ToArray()),
    "import" => await ImportBench.RunAsync(args.Skip(1).ToArray()),
    "cockpit" => await CockpitBench.RunAsync(args.Skip(1).ToArray()),
    "balance" => await BalanceBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Keel.Bench -- paging [--rows N] | impact [--cis N] [--relationships N] [--samples N] | import [--cis N] [--relationships N] | cockpit [--items N] [--samples N] | balance [--items N] [--samples N]");
    return 2;
}
