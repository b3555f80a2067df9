namespace Keel.Application.Platform;

/// <summary>Who is acting: the signed-in user in a request, or the system in jobs and commands.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string UserName { get; }
    bool IsInRole(string role);
}

public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public Guid? UserId => null;
    public string UserName => "system";
    public bool IsInRole(string role) => true;
}
