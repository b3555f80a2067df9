using Bunit;
using MudBlazor.Services;

namespace Keel.Web.Tests.Components;

/// <summary>
/// A bUnit context with MudBlazor's services and loose JS interop. MudBlazor's PopoverService is only
/// IAsyncDisposable, so the context is disposed asynchronously (xunit calls DisposeAsync of BunitContext).
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
