namespace Keel.Application.Platform.Organization;

public sealed record PersonView(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? JobTitle,
    string TimeZone,
    Ref? BusinessUnit,
    Ref? Manager,
    IReadOnlyList<Ref> Teams,
    IReadOnlyList<string> Roles,
    bool IsActive,
    long Version);

public sealed record PersonDraft(
    string? UserName,
    string? DisplayName,
    string? Email,
    string? Password,
    string? JobTitle,
    string? TimeZone,
    Guid? BusinessUnitId,
    Guid? ManagerId,
    IReadOnlyList<string>? Roles,
    bool Invite = false);

public sealed record PersonPatch(
    Optional<string?> DisplayName,
    Optional<string?> Email,
    Optional<string?> JobTitle,
    Optional<string?> TimeZone,
    Optional<Guid?> BusinessUnitId,
    Optional<Guid?> ManagerId,
    Optional<bool> IsActive,
    Optional<IReadOnlyList<string>?> Roles);

public sealed record PersonFilter(string? Q = null, Guid? BusinessUnitId = null, Guid? TeamId = null, string? Role = null);
