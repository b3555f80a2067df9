using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Paging;

/// <summary>
/// Keyset (seek) pagination: the cursor carries the sort value and id of the last row, so each page is an
/// index range scan however deep the caller pages — offsets would slow down with millions of rows.
/// </summary>
public sealed class KeysetPager<T>(Expression<Func<T, Guid>> id, params SortKey<T>[] keys) where T : class
{
    private readonly Dictionary<string, SortKey<T>> _keys = keys.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);
    private readonly SortKey<T> _default = keys[0];

    public IReadOnlyCollection<string> SortFields => _keys.Keys;

    public async Task<Result<Page<T>>> PageAsync(IQueryable<T> query, PageRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        request.Validate(errors);
        var (key, descending) = ParseSort(request.Sort, errors);
        var cursor = request.Cursor is null ? null : Cursor.Decode(request.Cursor, key, descending, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        if (cursor is not null)
        {
            query = query.Where(After(key!, descending, cursor));
        }
        query = Order(query, key!, descending);
        var limit = request.EffectiveLimit;
        var rows = await query.Take(limit + 1).ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var last = rows[^1];
            next = Cursor.Encode(key!.Name, descending, key.Key.Compile().DynamicInvoke(last), id.Compile()(last));
        }
        return new Page<T>(rows, next);
    }

    private (SortKey<T>? Key, bool Descending) ParseSort(string? sort, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return (_default, false);
        }
        var descending = sort.StartsWith('-');
        var name = sort.TrimStart('-', '+');
        if (_keys.TryGetValue(name, out var key))
        {
            return (key, descending);
        }
        errors.Add("sort", $"must be one of: {string.Join(", ", _keys.Keys)} (prefix - for descending).");
        return (null, false);
    }

    private IQueryable<T> Order(IQueryable<T> query, SortKey<T> key, bool descending)
    {
        var ordered = CallOrder(query.Expression, descending ? "OrderByDescending" : "OrderBy", key.Key, key.KeyType);
        var thenById = CallOrder(ordered, descending ? "ThenByDescending" : "ThenBy", id, typeof(Guid));
        return query.Provider.CreateQuery<T>(thenById);
    }

    private static MethodCallExpression CallOrder(Expression source, string method, LambdaExpression key, Type keyType) =>
        Expression.Call(typeof(Queryable), method, [typeof(T), keyType], source, Expression.Quote(key));

    /// <summary>key &gt; v OR (key = v AND id &gt; lastId), flipped for descending order; written with CompareTo so EF translates it for strings and Guids too.</summary>
    private Expression<Func<T, bool>> After(SortKey<T> key, bool descending, Cursor cursor)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var keyBody = new Rebinder(key.Key.Parameters[0], row).Visit(key.Key.Body);
        var idBody = new Rebinder(id.Parameters[0], row).Visit(id.Body);
        var value = Expression.Constant(cursor.Value, key.KeyType);
        var lastId = Expression.Constant(cursor.Id, typeof(Guid));
        var keyBeyond = Compare(keyBody, value, descending);
        var keyEqual = Expression.Equal(keyBody, value);
        var idBeyond = Compare(idBody, lastId, descending);
        var body = Expression.OrElse(keyBeyond, Expression.AndAlso(keyEqual, idBeyond));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static BinaryExpression Compare(Expression left, Expression right, bool descending)
    {
        var underlying = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (underlying == typeof(string) || underlying == typeof(Guid))
        {
            var compareTo = underlying.GetMethod(nameof(string.CompareTo), BindingFlags.Public | BindingFlags.Instance, [underlying])!;
            var call = Expression.Call(left, compareTo, right);
            var zero = Expression.Constant(0);
            return descending ? Expression.LessThan(call, zero) : Expression.GreaterThan(call, zero);
        }
        return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private sealed record Cursor(object? Value, Guid Id)
    {
        public static string Encode(string sort, bool descending, object? value, Guid id)
        {
            var text = value switch
            {
                null => null,
                DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            var json = JsonSerializer.SerializeToUtf8Bytes(new[] { (descending ? "-" : "") + sort, text, id.ToString() });
            return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        public static Cursor? Decode(string cursor, SortKey<T>? key, bool descending, FieldErrors errors)
        {
            try
            {
                var base64 = cursor.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = JsonSerializer.Deserialize<string?[]>(Convert.FromBase64String(base64));
                if (key is null || parts is not { Length: 3 } || parts[0] != (descending ? "-" : "") + key.Name)
                {
                    errors.Add("cursor", "does not belong to this list and sort order; start again without a cursor.");
                    return null;
                }
                return new Cursor(ParseValue(parts[1], key.KeyType), Guid.Parse(parts[2]!));
            }
            catch (Exception e) when (e is FormatException or JsonException or ArgumentException or OverflowException)
            {
                errors.Add("cursor", "is not a valid cursor.");
                return null;
            }
        }

        private static object? ParseValue(string? text, Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            return text switch
            {
                null => null,
                _ when underlying == typeof(string) => text,
                _ when underlying == typeof(Guid) => Guid.Parse(text),
                _ when underlying == typeof(DateTime) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                _ when underlying.IsEnum => Enum.Parse(underlying, text),
                _ => Convert.ChangeType(text, underlying, CultureInfo.InvariantCulture),
            };
        }
    }
}
