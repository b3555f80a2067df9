namespace Keel.Web.Components.Shared;

/// <summary>
/// Walks a keyset-paged list page by page: the cursor of the page on screen and those before it,
/// so that "Previous" works although the API's cursors only point forward.
/// </summary>
public sealed class CursorTrail
{
    private readonly Stack<string?> _before = new();

    /// <summary>The cursor that loads the page on screen (null: the first page).</summary>
    public string? Current { get; private set; }

    /// <summary>The cursor of the following page, as the last load returned it (null: this is the last page).</summary>
    public string? Next { get; set; }

    public bool HasPrevious => _before.Count > 0;
    public bool HasNext => Next is not null;
    public int PageNumber => _before.Count + 1;

    public void Forward()
    {
        if (Next is null)
        {
            return;
        }
        _before.Push(Current);
        Current = Next;
        Next = null;
    }

    public void Back()
    {
        if (_before.Count > 0)
        {
            Current = _before.Pop();
            Next = null;
        }
    }

    public void Reset()
    {
        _before.Clear();
        Current = null;
        Next = null;
    }
}
