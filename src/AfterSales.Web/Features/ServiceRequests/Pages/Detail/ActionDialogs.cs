using MudBlazor;

namespace AfterSales.Web.Features.ServiceRequests.Pages.Detail;

/// <summary>Which dialog carries each workflow action's form, and how the action bar presents it.</summary>
public static class ActionDialogs
{
    private static readonly HashSet<string> NoteActions = ["supplyInfo", "resolveAtIntake", "receive", "startService", "declineQuote", "cancel"];

    private static readonly Dictionary<string, (Type Dialog, MaxWidth Width)> Forms = new(StringComparer.Ordinal)
    {
        ["judge"] = (typeof(JudgeDialog), MaxWidth.Large),
        ["acceptQuote"] = (typeof(AcceptQuoteDialog), MaxWidth.Medium),
        ["completeService"] = (typeof(CompleteServiceDialog), MaxWidth.Medium),
        ["accept"] = (typeof(AcceptDialog), MaxWidth.Small),
        ["reject"] = (typeof(RejectDialog), MaxWidth.Small),
        ["revisit"] = (typeof(RevisitDialog), MaxWidth.Small),
        ["archive"] = (typeof(ArchiveDialog), MaxWidth.Small),
        ["classifyLevel"] = (typeof(ClassifyLevelDialog), MaxWidth.Small),
    };

    /// <summary>Dispute steps (R-DSP-1..3): one dialog per family, told which action it carries.</summary>
    private static readonly Dictionary<string, (Type Dialog, MaxWidth Width)> DisputeForms = new(StringComparer.Ordinal)
    {
        ["dispute"] = (typeof(Disputes.Pages.DisputeDialog), MaxWidth.Small),
        ["answerDispute"] = (typeof(Disputes.Pages.DisputeDialog), MaxWidth.Small),
        ["objectRuling"] = (typeof(Disputes.Pages.DisputeDialog), MaxWidth.Small),
        ["sendToAppraisal"] = (typeof(Disputes.Pages.AppraisalDialog), MaxWidth.Small),
        ["recordAppraisal"] = (typeof(Disputes.Pages.AppraisalDialog), MaxWidth.Small),
        ["arbitrate"] = (typeof(Disputes.Pages.RulingDialog), MaxWidth.Medium),
        ["reviewRuling"] = (typeof(Disputes.Pages.RulingDialog), MaxWidth.Medium),
    };

    public static bool Has(string action) => NoteActions.Contains(action) || Forms.ContainsKey(action) || DisputeForms.ContainsKey(action);

    /// <summary>Actions that end or push back the request: shown in red, confirmed in their dialog.</summary>
    public static bool IsDestructive(string action) => action is "cancel" or "declineQuote" or "reject";

    /// <summary>Alternatives to the main path (shown outlined next to the main action).</summary>
    public static bool IsSecondary(string action) => action is "cancel" or "declineQuote" or "reject" or "resolveAtIntake" or "classifyLevel"
        or "dispute" or "objectRuling" or "sendToAppraisal";

    public static (Type Dialog, DialogParameters Parameters, MaxWidth Width) For(string action, ServiceRequestView view)
    {
        var parameters = new DialogParameters { ["View"] = view };
        if (NoteActions.Contains(action))
        {
            parameters["Action"] = action;
            return (typeof(NoteActionDialog), parameters, MaxWidth.Small);
        }

        if (DisputeForms.TryGetValue(action, out var dispute))
        {
            parameters["Action"] = action;
            return (dispute.Dialog, parameters, dispute.Width);
        }

        var (dialog, width) = Forms.TryGetValue(action, out var form)
            ? form
            : throw new InvalidOperationException($"No form for action {action}.");
        return (dialog, parameters, width);
    }
}
