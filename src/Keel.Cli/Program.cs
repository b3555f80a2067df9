using System.CommandLine;
using Keel.Cli.Commands;

var root = new RootCommand("keel: set up and feed a Keel database")
{
    MigrateCommand.Create(),
    SeedCommand.Create(),
    JobsWorkCommand.Create(),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // One line, not the whole help text: scripts read the reason, people can ask for --help.
    var reason = string.Join(' ', parsed.Errors[0].Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    await Console.Error.WriteLineAsync($"keel: {reason} (see keel --help)");
    return 2;
}
return await parsed.InvokeAsync();
