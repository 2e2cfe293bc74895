namespace AfterSales.Web.Features.ServiceRequests.Pages.Detail;

/// <summary>How an action dialog ended when it was not cancelled.</summary>
public enum ActionOutcome
{
    /// <summary>The action was taken; the page reloads and confirms it.</summary>
    Done,

    /// <summary>The page was stale (409): the user asked for the latest version instead.</summary>
    Reload,
}
