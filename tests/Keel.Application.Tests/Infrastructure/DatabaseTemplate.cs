using Keel.Application.Data;

namespace Keel.Application.Tests.Infrastructure;

/// <summary>Prepares a template database once (after migrations): seeds it, for instance. See <see cref="DatabaseFixture"/>.</summary>
public delegate Task PrepareTemplate(TestDatabase template, CancellationToken ct);

/// <summary>A migrated (and possibly prepared) database of one provider that tests get clones of.</summary>
internal interface IDatabaseTemplate : IAsyncDisposable
{
    Task<TestDatabase> CloneAsync(CancellationToken ct);
}

internal static class DatabaseTemplate
{
    /// <summary>Migrates the template (a context without pooling, so nothing stays connected) and runs the preparation.</summary>
    public static async Task MigrateAndPrepareAsync(DatabaseProvider provider, string connectionString, PrepareTemplate? prepare)
    {
        await using var template = new TestDatabase(provider, connectionString, () => ValueTask.CompletedTask)
        {
            User = Keel.Application.Platform.SystemUser.Instance,
        };
        await using (var db = template.NewDbContext())
        {
            await KeelDbSetup.MigrateAsync(db);
        }
        if (prepare is not null)
        {
            await prepare(template, CancellationToken.None);
        }
    }

    /// <summary>Template names become part of file and database names: keep them short and plain.</summary>
    public static string CheckName(string name)
    {
        if (name.Length is 0 or > 20 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new ArgumentException($"Template name '{name}' must be 1–20 characters of a–z, 0–9 and _.", nameof(name));
        }
        return name;
    }
}
