using Keel.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddKeel();

var app = builder.Build();
app.UseKeel();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
