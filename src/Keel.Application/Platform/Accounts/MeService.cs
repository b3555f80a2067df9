using Keel.Application.Data;
using Keel.Application.Platform.Organization;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Accounts;

public sealed record MeView(Guid Id, string UserName, string DisplayName, string? Email, string TimeZone, IReadOnlyList<string> Roles, IReadOnlyList<Ref> Teams, Ref? BusinessUnit, Ref? Manager);

/// <summary>What the signed-in person sees of themselves, and the preferences they may change.</summary>
public sealed class MeService(KeelDb db, PeopleService people)
{
    public async Task<Result<MeView>> GetAsync(Guid userId, CancellationToken ct)
    {
        var person = await people.GetAsync(userId, ct);
        if (!person.IsSuccess)
        {
            return person.Error!;
        }
        var p = person.Value!;
        return new MeView(p.Id, p.UserName, p.DisplayName, p.Email, p.TimeZone, p.Roles, p.Teams, p.BusinessUnit, p.Manager);
    }

    public async Task<Result<MeView>> SetPreferencesAsync(Guid userId, string? displayName, string? timeZone, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Error.NotFound("The person");
        }
        var errors = new FieldErrors();
        if (displayName is not null)
        {
            errors.Required("displayName", displayName, 200);
        }
        if (timeZone is not null && !TimeZones.IsValid(timeZone))
        {
            errors.Add("timeZone", "must be an IANA time zone such as Europe/Berlin.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        user.DisplayName = displayName?.Trim() ?? user.DisplayName;
        user.TimeZone = timeZone ?? user.TimeZone;
        await db.SaveChangesAsync(ct);
        return await GetAsync(userId, ct);
    }
}
