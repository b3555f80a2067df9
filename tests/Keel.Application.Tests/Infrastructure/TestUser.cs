using Keel.Application.Platform;
using DomainRoles = Keel.Domain.Platform.Roles;

namespace Keel.Application.Tests.Infrastructure;

/// <summary>The acting user a test chooses; recorded in audit lines by the <see cref="AuditInterceptor"/>.</summary>
public sealed class TestUser(string userName, Guid? userId, params IReadOnlyCollection<string> roles) : ICurrentUser
{
    /// <summary>The default actor of a test database: an administrator with a fixed id.</summary>
    public static readonly TestUser Admin = new("test-admin", new Guid("0a000000-0000-0000-0000-00000000ad01"), DomainRoles.Admin);

    public Guid? UserId { get; } = userId;
    public string UserName { get; } = userName;
    public IReadOnlyCollection<string> Roles { get; } = roles;

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public override string ToString() => UserName;
}
