using System.Reflection;
using Keel.Application.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace Keel.Application.Tests.Infrastructure;

/// <summary>
/// Runs a theory once per database provider: <c>[Theory, DatabaseData]</c> on a method whose only parameter is a
/// <see cref="DatabaseProvider"/>. The PostgreSQL case is skipped (visibly) when PostgreSQL is not configured or in
/// fast mode, and fails when <c>KEEL_TEST_REQUIRE_POSTGRES=1</c> and there is no server.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        IReadOnlyCollection<ITheoryDataRow> rows =
        [
            new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite),
            new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres) { Skip = TestEnvironment.PostgresSkipReason },
        ];
        return ValueTask.FromResult(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
