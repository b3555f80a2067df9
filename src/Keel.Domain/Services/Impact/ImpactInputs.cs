using Keel.Domain.Services.Configuration;

namespace Keel.Domain.Services.Impact;

// The three flat inputs of an impact graph. The application layer reads each in one bulk query
// (three columns, no entities, no navigation) and builds the graph once; the graph is then reused by
// every analysis until relationships, CI–service links or consumers change.

/// <summary>A relationship as stored: "From Type To".</summary>
public readonly record struct CiEdge(Guid FromId, Guid ToId, RelationshipType Type);

/// <summary>A CI that delivers (part of) a service.</summary>
public readonly record struct CiServiceLink(Guid CiId, Guid ServiceId);

/// <summary>A business unit that consumes a service.</summary>
public readonly record struct ServiceConsumption(Guid ServiceId, Guid BusinessUnitId);
