using System.Linq.Expressions;

namespace Keel.Application.Platform.Paging;

/// <summary>A field a list may be sorted by: its public name and how to read it from the entity.</summary>
public sealed class SortKey<T>
{
    private SortKey(string name, LambdaExpression key, Type keyType)
    {
        Name = name;
        Key = key;
        KeyType = keyType;
    }

    public string Name { get; }
    public LambdaExpression Key { get; }
    public Type KeyType { get; }

    public static SortKey<T> By<TKey>(string name, Expression<Func<T, TKey>> key) => new(name, key, typeof(TKey));
}
