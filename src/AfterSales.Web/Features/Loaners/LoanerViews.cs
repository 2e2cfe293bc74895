using AfterSales.Domain.Loaners;

namespace AfterSales.Web.Features.Loaners;

/// <summary>One unit of a loaner pool as lists show it (R-EXE-7).</summary>
public sealed record LoanerRow(
    Guid Id,
    Guid SupplierId,
    string SupplierName,
    string AssetTag,
    string Serial,
    string Model,
    string Name,
    string Grade,
    LoanerCondition Condition,
    string ConditionLabel,
    LoanerLocation Location,
    string LocationLabel,
    string PoolLocation,
    Guid? ServiceRequestId,
    string? ServiceRequestNumber,
    string? CustomerName,
    string? SiteAddress,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? DeliveredAt,
    string? ReceivedBy,
    DateTimeOffset? ReturnedAt,
    int Version);

/// <summary>One move of a unit: who, when, from → to, for which request, and the note.</summary>
public sealed record LoanerMovementView(int Sequence, DateTimeOffset At, string ActorName, string Action, string ActionLabel,
    LoanerLocation? From, string? FromLabel, LoanerLocation To, string ToLabel, string? ServiceRequestNumber, string Note);

/// <summary>A unit with its movement history, its work order and the actions the caller may take now.</summary>
public sealed record LoanerView(LoanerRow Unit, Guid? WorkOrderId, string? WorkOrderNumber, IReadOnlyList<LoanerMovementView> Movements, IReadOnlyList<string> AllowedActions);

/// <summary>An available unit offered for a request; equivalent = same model as the customer's unit, or the same grade (R-EXE-7).</summary>
public sealed record LoanerSuggestion(Guid Id, string AssetTag, string Model, string Name, string Grade, string PoolLocation, LoanerCondition Condition, bool SameModel, bool Equivalent);

/// <summary>
/// The loaners of one service request: whether one is owed (LoanerOwedSince, seed 004), the units out with the customer,
/// those already returned, and the units that could be issued, equivalent ones first.
/// </summary>
public sealed record RequestLoanersView(
    Guid RequestId,
    string RequestNumber,
    DateTimeOffset? LoanerOwedSince,
    bool Owed,
    string? AssetModel,
    bool OriginalBackInService,
    IReadOnlyList<LoanerRow> Out,
    IReadOnlyList<LoanerMovementView> Returned,
    IReadOnlyList<LoanerSuggestion> Suggestions,
    bool CanIssue,
    bool CanReclaim);

/// <summary>A request that owes a loaner and has none out yet (应提供备用机).</summary>
public sealed record OwedLoaner(Guid RequestId, string RequestNumber, string CustomerName, DateTimeOffset OwedSince, string? AssetSerial);

/// <summary>Filters of the pool list.</summary>
public sealed record LoanerFilter(LoanerLocation? Status, Guid? SupplierId, string? Search);
