using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Platform.Jobs;

/// <summary>One <c>AddJobHandler&lt;T&gt;()</c> call.</summary>
internal sealed record JobHandlerRegistration(Type HandlerClass);

/// <summary>
/// Maps job types to handler classes. A handler names its type through an instance property, so the map is built
/// once by creating each handler in a throw-away scope; after that each attempt creates only the handler it needs.
/// </summary>
internal sealed class JobHandlerRegistry
{
    private readonly Lazy<IReadOnlyDictionary<string, Type>> _classes;

    public JobHandlerRegistry(IServiceScopeFactory scopes, IEnumerable<JobHandlerRegistration> registrations)
    {
        _classes = new(() => Build(scopes, registrations.Select(r => r.HandlerClass).Distinct()));
    }

    public IEnumerable<string> Types => _classes.Value.Keys;

    public bool Handles(string type) => _classes.Value.ContainsKey(type);

    /// <summary>The handler for <paramref name="type"/> from <paramref name="scope"/>, or null when none is registered.</summary>
    public IJobHandler? Resolve(IServiceProvider scope, string type) =>
        _classes.Value.TryGetValue(type, out var handlerClass) ? (IJobHandler)scope.GetRequiredService(handlerClass) : null;

    private static Dictionary<string, Type> Build(IServiceScopeFactory scopes, IEnumerable<Type> handlerClasses)
    {
        using var scope = scopes.CreateScope();
        var byType = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var handlerClass in handlerClasses)
        {
            var type = ((IJobHandler)scope.ServiceProvider.GetRequiredService(handlerClass)).Type;
            if (!byType.TryAdd(type, handlerClass))
            {
                throw new InvalidOperationException(
                    $"Job type '{type}' is handled by both {byType[type].Name} and {handlerClass.Name}; each type needs exactly one handler.");
            }
        }
        return byType;
    }
}
