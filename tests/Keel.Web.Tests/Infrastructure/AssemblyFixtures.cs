using Keel.Application.Tests.Infrastructure;

// The same migrated-template-and-clone databases as the application tests.
[assembly: AssemblyFixture(typeof(DatabaseFixture))]
