namespace Keel.Domain.Platform;

/// <summary>How a failed use case maps to HTTP; the mapping itself lives in one place in the web layer.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    IllegalTransition,
    ConcurrencyConflict,
    PreconditionRequired,
    Unauthorized,

    /// <summary>The thing existed but is no longer available (an expired survey): 410.</summary>
    Gone,
}

/// <summary>A failure with a stable machine-readable code (see API.md) and, for validation, errors per field.</summary>
public sealed record Error(
    ErrorKind Kind,
    string Code,
    string Message,
    IReadOnlyDictionary<string, string[]>? Fields = null,
    IReadOnlyList<string>? Allowed = null)
{
    public static Error Validation(string field, string message) =>
        new(ErrorKind.Validation, "validation_failed", "One or more fields are invalid.",
            new Dictionary<string, string[]> { [field] = [message] });

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "validation_failed", "One or more fields are invalid.", fields);

    public static Error NotFound(string what) =>
        new(ErrorKind.NotFound, "not_found", $"{what} was not found.");

    public static Error Forbidden(string message = "You may not do this.") =>
        new(ErrorKind.Forbidden, "forbidden", message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, "conflict", message);

    public static Error Concurrency() =>
        new(ErrorKind.ConcurrencyConflict, "concurrency_conflict",
            "The record was changed by someone else since you read it. Reload it and try again.");

    public static Error PreconditionRequired() =>
        new(ErrorKind.PreconditionRequired, "precondition_required",
            "This update needs an If-Match header with the ETag you last read.");

    public static Error IllegalTransition(string from, string to, IReadOnlyList<string> allowed) =>
        new(ErrorKind.IllegalTransition, "illegal_transition",
            $"An item in state {from} cannot move to {to}.", Allowed: allowed);
}

/// <summary>The outcome of a use case: a value or an <see cref="Error"/>, never both.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}
