using Keel.E2E.Infrastructure;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
