using System.Text.RegularExpressions;
using Keel.Domain.Changes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Keel.Web.Hosting;

/// <summary>
/// Keeps URL-borne secrets (calendar feed tokens) out of every log line. ASP.NET Core's hosting log ("Request starting
/// GET …/feeds/changes/keelcal_….ics") and its request scope carry the path, and are written before any middleware
/// runs, so the redaction sits in the logger factory itself: every provider, including ones added later, sees the
/// redacted text.
/// </summary>
public static partial class SecretRedaction
{
    public const string Mask = "[redacted]";

    [GeneratedRegex(CalendarFeedToken.Prefix + "[A-Za-z0-9_-]+")]
    private static partial Regex Secrets();

    public static bool Contains(string? text) => text is not null && text.Contains(CalendarFeedToken.Prefix, StringComparison.Ordinal);

    public static string Redact(string text) => Contains(text) ? Secrets().Replace(text, Mask) : text;

    public static IServiceCollection AddSecretRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()))));
        return services;
    }

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            Contains(state.ToString()) ? inner.BeginScope(Redacted.From(state, state.ToString()!)) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            var message = formatter(state, exception);
            if (Contains(message) || Contains(state?.ToString()) || (state is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.Any(p => Contains(p.Value?.ToString()))))
            {
                inner.Log(logLevel, eventId, Redacted.From(state, message), exception, static (s, _) => s.ToString());
                return;
            }
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    /// <summary>A log state whose text and structured values have their secrets masked.</summary>
    private sealed class Redacted(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public static Redacted From<TState>(TState state, string message) => new(Redact(message),
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? [.. pairs.Select(p => p.Value is string or PathString or QueryString || Contains(p.Value?.ToString())
                    ? new KeyValuePair<string, object?>(p.Key, Redact(p.Value?.ToString() ?? ""))
                    : p)]
                : []);

        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
