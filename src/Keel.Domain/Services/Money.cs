using System.Globalization;
using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>
/// An amount of money in integer minor units (cents) and an ISO 4217 currency code. Integers because
/// SQLite cannot compare or sum decimals, and because showback must add up to the cent.
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    /// <summary>
    /// The sum of two amounts in the same currency. Keel runs on one organization currency, so an amount in
    /// another currency is bad data, never something to convert silently.
    /// </summary>
    public Result<Money> Add(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            return Error.Validation("currency", $"Cannot add {other.Currency ?? "no currency"} to {Currency ?? "no currency"}.");
        }
        return new Money(checked(Minor + other.Minor), Currency);
    }

    /// <summary>For sums in code that already checked the currency; a mix here is a programming error.</summary>
    public static Money operator +(Money left, Money right)
    {
        var sum = left.Add(right);
        return sum.IsSuccess ? sum.Value : throw new InvalidOperationException(sum.Error!.Fields!["currency"][0]);
    }

    public static Money Add(Money left, Money right) => left + right;

    /// <summary>True for a three-letter upper-case code such as EUR or USD.</summary>
    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>Refuses an amount in another currency than the organization's, or a negative one where costs and values are meant.</summary>
    public void Validate(FieldErrors errors, string field, string organizationCurrency, bool allowNegative = false)
    {
        if (!IsCurrencyCode(Currency))
        {
            errors.Add($"{field}.currency", "must be a three-letter currency code such as EUR.");
        }
        else if (!string.Equals(Currency, organizationCurrency, StringComparison.Ordinal))
        {
            errors.Add($"{field}.currency", $"must be the organization's currency {organizationCurrency}.");
        }
        if (!allowNegative && Minor < 0)
        {
            errors.Add($"{field}.minor", "must not be negative.");
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minor / 100m:0.00} {Currency}");
}
