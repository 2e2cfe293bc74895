namespace AfterSales.Domain.Common;

/// <summary>
/// A business rule refused the change. Carries the rule id (R-…) so the API can name it (422)
/// and the UI can explain it. Nothing is changed when this is thrown.
/// </summary>
public class WorkflowRuleViolation(string ruleId, string message) : Exception(message)
{
    public string RuleId { get; } = ruleId;
}

/// <summary>
/// The action is not allowed in the record's current state (409 in the API).
/// </summary>
public sealed class TransitionRefused(string action, string currentStatus, string message)
    : WorkflowRuleViolation("R-FLOW", message)
{
    public string Action { get; } = action;
    public string CurrentStatus { get; } = currentStatus;
}

/// <summary>
/// The caller's organisation is party to the record but its role may not do this (403 in the API).
/// </summary>
public sealed class ActionNotPermitted(string action, string message) : Exception(message)
{
    public string Action { get; } = action;
}
