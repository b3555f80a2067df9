using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Notifications;
using Keel.Application.ServiceLevels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Application.Tests.Infrastructure;

/// <summary>
/// A migrated database of one test, cloned from the run's template and dropped when disposed.
/// Hands out <see cref="KeelDb"/> contexts with the audit interceptor, a <see cref="FakeTimeProvider"/> and the acting
/// user of the test's choosing; web tests point a host at <see cref="Provider"/> and <see cref="ConnectionString"/>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The instant every test database starts at (a Monday morning, UTC).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Func<ValueTask> drop;
    private int disposed;

    internal TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The clock of this test; advance it to let time pass.</summary>
    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Who acts in contexts created without an explicit user.</summary>
    public ICurrentUser User { get; set; } = TestUser.Admin;

    /// <summary>
    /// Configuration for a host on this database (<c>Keel:Database:Provider</c>, <c>ConnectionStrings:Keel</c>);
    /// as environment variables: <c>Keel__Database__Provider</c>, <c>ConnectionStrings__Keel</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Keel:Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Keel"] = ConnectionString,
    };

    /// <summary>A new context on this database; dispose it. Each context is a separate unit of work.</summary>
    public KeelDb NewDbContext(ICurrentUser? user = null) => Create(Provider, ConnectionString, user ?? User, Time);

    public override string ToString() => $"{Provider} {ConnectionString}";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await drop();
        }
    }

    internal static KeelDb Create(DatabaseProvider provider, string connectionString, ICurrentUser user, TimeProvider time)
    {
        var options = new DbContextOptionsBuilder<KeelDb>();
        KeelDbSetup.Configure(options, provider, connectionString);
        options.AddInterceptors(
            new AuditInterceptor(user, time), new ServiceLevelInterceptor(time),
            new NotificationInterceptor(time, new NotificationLinks(NotificationLinks.DefaultPublicUrl)));
        return new KeelDb(options.Options);
    }
}
