using Keel.Domain.Platform;
using Microsoft.AspNetCore.Identity;

namespace Keel.Application.Platform;

/// <summary>A person who signs in to Keel: an Identity account with the organization's facts about them.</summary>
public sealed class KeelUser : IdentityUser<Guid>, IAudited, IVersioned
{
    public string DisplayName { get; set; } = "";

    /// <summary>IANA zone in which the UI shows every time to this person.</summary>
    public string TimeZone { get; set; } = TimeZones.Default;

    public string? JobTitle { get; set; }
    public Guid? BusinessUnitId { get; set; }
    public Guid? ManagerId { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>When the last failed sign-in happened: failures older than the lockout window no longer count.</summary>
    public DateTime? LastFailedSignInAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}

public sealed class KeelRole : IdentityRole<Guid>
{
    public KeelRole()
    {
    }

    public KeelRole(string name) : base(name)
    {
        NormalizedName = name.ToUpperInvariant();
    }
}
