namespace Keel.Domain.Platform;

/// <summary>Business data whose every create, update and delete lands in the audit trail.</summary>
public interface IAudited;

/// <summary>A record updated with optimistic concurrency: the version is its ETag.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
