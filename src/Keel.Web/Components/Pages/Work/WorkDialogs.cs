using Keel.Domain.Platform;
using Keel.Domain.Work;
using MudBlazor;

namespace Keel.Web.Components.Pages.Work;

/// <summary>Opens the <see cref="TransitionDialog"/> for a move; true when the move was made.</summary>
public static class WorkDialogs
{
    public static async Task<bool> MoveAsync(
        IDialogService dialogs, WorkState from, WorkState to, string title, Func<TransitionRequest, Task<Error?>> submit, string? intro = null,
        string? reasonPrompt = null)
    {
        var parameters = new DialogParameters<TransitionDialog>
        {
            { d => d.From, from },
            { d => d.To, to },
            { d => d.Title, title },
            { d => d.Intro, intro },
            { d => d.ConfirmText, WorkText.MoveLabel(from, to) },
            { d => d.Submit, submit },
            { d => d.ReasonPrompt, reasonPrompt },
        };
        var dialog = await dialogs.ShowAsync<TransitionDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
