using Keel.Domain.Work;
using Microsoft.AspNetCore.Components;

namespace Keel.Web.Components.Pages.Work;

/// <summary>The record page's keyboard shortcuts: reply, note, edit, assign to me, cancel, and go to another kind's queues.</summary>
public partial class WorkRecord
{
    private static readonly IReadOnlyList<string> Shortcuts = ["r", "n", "e", "a", "Escape", "g i", "g r", "g t"];

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private int _tab;
    private ConversationPanel? _conversation;
    private WorkFields? _fields;

    private async Task OnShortcutAsync(string key)
    {
        switch (key)
        {
            case "r" or "n" when _item is not null:
                // The conversation is the first tab; bring it up before writing into it.
                _tab = 0;
                StateHasChanged();
                await Task.Yield();
                if (_conversation is not null)
                {
                    await _conversation.StartAsync(asInternal: key == "n");
                }
                break;
            case "e" when _fields is not null:
                await _fields.FocusAsync();
                break;
            case "a" when _fields is not null:
                await _fields.AssignToMeAsync();
                break;
            case "Escape":
                _conversation?.Cancel();
                _fields?.Cancel();
                break;
            case "g i" or "g r" or "g t":
                var kind = key[^1] switch { 'r' => WorkKind.Request, 't' => WorkKind.Task, _ => WorkKind.Incident };
                Navigation.NavigateTo(WorkQueues.Href(new Application.Work.QueueView(kind)));
                break;
        }
    }
}
