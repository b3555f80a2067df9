namespace Keel.Application.Platform;

/// <summary>A field of a merge patch: absent (leave as is) or present with a value, which may be null (clear it).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Unset => default;

    public static implicit operator Optional<T>(T value) => new(true, value);

    public T Or(T current) => IsSet ? Value : current;
}

/// <summary>A reference to another record as the API shows it: { id, name }.</summary>
public sealed record Ref(Guid Id, string Name);
