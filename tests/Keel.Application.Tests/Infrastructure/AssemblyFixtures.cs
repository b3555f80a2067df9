using Keel.Application.Tests.Infrastructure;

// One set of migrated template databases per test run; every test gets its own clone (see DatabaseFixture).
[assembly: AssemblyFixture(typeof(DatabaseFixture))]
