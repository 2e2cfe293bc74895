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

    public static bool Has(string action) => NoteActions.Contains(action) || Forms.ContainsKey(action);

    /// <summary>Actions that end or push back the request: shown in red, confirmed in their dialog.</summary>
    public static bool IsDestructive(string action) => action is "cancel" or "declineQuote" or "reject";

    /// <summary>Alternatives to the main path (shown outlined next to the main action).</summary>
    public static bool IsSecondary(string action) => action is "cancel" or "declineQuote" or "reject" or "resolveAtIntake" or "classifyLevel";

    public static (Type Dialog, DialogParameters Parameters, MaxWidth Width) For(string action, ServiceRequestView view)
    {
        var parameters = new DialogParameters { ["View"] = view };
        if (NoteActions.Contains(action))
        {
            parameters["Action"] = action;
            return (typeof(NoteActionDialog), parameters, MaxWidth.Small);
        }

        var (dialog, width) = Forms.TryGetValue(action, out var form)
            ? form
            : throw new InvalidOperationException($"No form for action {action}.");
        return (dialog, parameters, width);
    }
}
