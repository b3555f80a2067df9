namespace Keel.Cli.Commands;

/// <summary>A failure whose message is already the one-line reason to show.</summary>
internal sealed class CliException(string message) : Exception(message);

/// <summary>Runs a command body and turns any failure into one line on standard error and a non-zero exit code.</summary>
internal static class CliFailure
{
    public const int Failed = 1;
    public const int Cancelled = 130;

    public static async Task<int> GuardAsync(string command, Func<CancellationToken, Task> body, CancellationToken ct)
    {
        try
        {
            await body(ct);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"keel {command}: cancelled");
            return Cancelled;
        }
#pragma warning disable CA1031 // The point of this method: no failure may escape as a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"keel {command}: {Reason(e)}");
            return Failed;
        }
    }

    /// <summary>The messages of the exception chain on one line, skipping "see the inner exception" wrappers.</summary>
    internal static string Reason(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var line = e.Message.ReplaceLineEndings(" ").Trim();
            if (line.Length > 0 && !line.Contains("inner exception", StringComparison.OrdinalIgnoreCase)
                && !messages.Any(m => m.Contains(line, StringComparison.Ordinal)))
            {
                messages.Add(line);
            }
        }
        return messages.Count > 0 ? string.Join(": ", messages) : exception.GetType().Name;
    }
}
