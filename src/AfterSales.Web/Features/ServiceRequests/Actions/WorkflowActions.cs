using AfterSales.Domain.ServiceRequests;

namespace AfterSales.Web.Features.ServiceRequests.Actions;

// One use case per business verb (ARCHITECTURE §3). Each names its input, and lets the aggregate decide.

/// <summary>补充材料 (R-IN-5): the customer has uploaded what was missing.</summary>
public sealed class SupplyInfo(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Note);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "supplyInfo", command, context, (r, by, now, rules) => r.SupplyInfo(by, command.Note, now, rules), cancellationToken);
}

/// <summary>当场解答 (R-IN-7).</summary>
public sealed class ResolveAtIntake(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Answer);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "resolveAtIntake", command, context, (r, by, now, rules) => r.ResolveAtIntake(by, command.Answer ?? string.Empty, now, rules), cancellationToken);
}

/// <summary>受理 (R-JDG-1).</summary>
public sealed class ReceiveServiceRequest(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Note);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "receive", command, context, (r, by, now, rules) => r.Receive(by, command.Note, now, rules), cancellationToken);
}

/// <summary>确认报价 (R-QUO-1): who, when and from which session (quotes feature).</summary>
public sealed class AcceptQuote(ServiceRequestActionRunner runner, Quotes.ClientSessions sessions)
{
    public sealed record Command;

    public Task<Guid> HandleAsync(string id, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "acceptQuote", new Command(), context, (r, by, now, rules) => r.AcceptQuote(by, now, rules, sessions.Current), cancellationToken);
}

/// <summary>拒绝报价, with the reason and the session it came from (quotes feature).</summary>
public sealed class DeclineQuote(ServiceRequestActionRunner runner, Quotes.ClientSessions sessions)
{
    public sealed record Command(string? Reason);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "declineQuote", command, context, (r, by, now, rules) => r.DeclineQuote(by, command.Reason ?? string.Empty, now, rules, sessions.Current), cancellationToken);
}

/// <summary>
/// 开始服务: refused until the agreements the work needs are in place (quotes feature: R-QUO-3, R-SEC-1), and to a
/// person suspended until retrained (complaints, R-CMP-1).
/// </summary>
public sealed class StartService(ServiceRequestActionRunner runner, Quotes.AgreementQueries agreements, Complaints.SuspensionGate suspensions)
{
    public sealed record Command(string? Note);

    public async Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        await suspensions.EnsureMayServeAsync("开始服务", cancellationToken);
        var confidentiality = await agreements.ConfidentialityForRequestAsync(id, cancellationToken);
        return await runner.RunAsync(id, "startService", command, context, (r, by, now, rules) => r.StartService(by, command.Note, now, rules, confidentiality), cancellationToken);
    }
}

/// <summary>完成服务: the service record. A person suspended until retrained may not (complaints, R-CMP-1).</summary>
public sealed class CompleteService(ServiceRequestActionRunner runner, Complaints.SuspensionGate suspensions, WorkOrders.OpenWorkOrderGate workOrders)
{
    public sealed record PartInput(string? Name, string? PartNumber, int Quantity);

    public sealed record Command(string? WorkDone, IReadOnlyList<PartInput>? PartsUsed, string? Result);

    public async Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        await suspensions.EnsureMayServeAsync("完成服务", cancellationToken);
        await workOrders.EnsureNoneOpenAsync(id, cancellationToken); // issue 6: open work orders block completion (R-WO-1)
        return await runner.RunAsync(id, "completeService", command, context, (r, by, now, rules) => r.CompleteService(
            by,
            command.WorkDone ?? string.Empty,
            [.. (command.PartsUsed ?? []).Select(p => new PartUsed(p.Name ?? string.Empty, p.PartNumber, p.Quantity))],
            command.Result ?? string.Empty,
            now,
            rules), cancellationToken);
    }
}

/// <summary>
/// 验收合格 (R-ACC-1); accepted paid work is invoiced in the same transaction (issue 4 invoices, R-FEE-1), and parts
/// replaced or repaired get their own warranty term (R-WTY-2).
/// </summary>
public sealed class AcceptService(ServiceRequestActionRunner runner, Data.AppDbContext db, Invoices.IssueInvoice invoices)
{
    public sealed record RatingInput(int Timeliness, int Expertise, int Attitude);

    public sealed record Command(RatingInput? Rating, string? Comment);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        Domain.Common.InvalidInput.Require(command.Rating is not null, "rating", "请为本次服务评分。");
        return invoices.AfterAcceptanceAsync(() => runner.RunAsync(id, "accept", command, context, (r, by, now, rules) =>
        {
            r.Accept(by, new ServiceRating(command.Rating!.Timeliness, command.Rating.Expertise, command.Rating.Attitude), command.Comment, now, rules);

            // Warranty (issue 4): parts replaced or repaired get their own term from the day the work is accepted (R-WTY-2).
            Warranty.AssetPartRecorder.Record(db, r, rules, now);
        }, cancellationToken), cancellationToken);
    }
}

/// <summary>验收不合格 (R-ACC-2).</summary>
public sealed class RejectService(ServiceRequestActionRunner runner)
{
    public sealed record Command(IReadOnlyList<string>? FailedItems, IReadOnlyList<Guid>? EvidenceAttachmentIds);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "reject", command, context, (r, by, now, rules) => r.Reject(by, command.FailedItems ?? [], command.EvidenceAttachmentIds ?? [], now, rules), cancellationToken);
}

/// <summary>回访 (R-RV-1).</summary>
public sealed class RecordRevisit(ServiceRequestActionRunner runner)
{
    public sealed record Command(RevisitChannel? Channel, int Satisfaction, string? Notes);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        Domain.Common.InvalidInput.Require(command.Channel is not null, "channel", "请选择回访方式。");
        return runner.RunAsync(id, "revisit", command, context, (r, by, now, rules) => r.RecordRevisit(by, command.Channel!.Value, command.Satisfaction, command.Notes, now, rules), cancellationToken);
    }
}

/// <summary>归档 (R-ARC-1).</summary>
public sealed class ArchiveServiceRequest(ServiceRequestActionRunner runner, Loaners.OutstandingLoanerGate loaners)
{
    public sealed record Command;

    public async Task<Guid> HandleAsync(string id, ActionPreconditions context, CancellationToken cancellationToken)
    {
        await loaners.EnsureNoneOutAsync(id, cancellationToken); // issue 6: a loaner still out blocks archiving (R-EXE-7)
        return await runner.RunAsync(id, "archive", new Command(), context, (r, by, now, rules) => r.Archive(by, now, rules), cancellationToken);
    }
}

/// <summary>取消.</summary>
public sealed class CancelServiceRequest(ServiceRequestActionRunner runner)
{
    public sealed record Command(string? Reason);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "cancel", command, context, (r, by, now, rules) => r.Cancel(by, command.Reason ?? string.Empty, now, rules), cancellationToken);
}

/// <summary>调整故障/服务等级 (R-IN-8): the level deadlines follow the new levels.</summary>
public sealed class ClassifyLevel(ServiceRequestActionRunner runner)
{
    public sealed record Command(FaultLevel? FaultLevel, ServiceLevel? ServiceLevel, string? Note);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "classifyLevel", command, context, (r, by, now, rules) => r.ClassifyLevel(by, command.FaultLevel, command.ServiceLevel, command.Note, now, rules), cancellationToken);
}
