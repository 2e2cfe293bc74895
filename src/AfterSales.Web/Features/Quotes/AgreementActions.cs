using AfterSales.Data;
using AfterSales.Web.Features.ServiceRequests.Actions;
using AfterSales.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quotes;

// The agreement verbs of a request (R-QUO-3, R-SEC-1), run like every workflow action: load, check the version, one
// domain verb, one save (ARCHITECTURE §3).

/// <summary>登记服务协议 (R-QUO-3).</summary>
public sealed class RecordServiceAgreement(ServiceRequestActionRunner runner)
{
    public sealed record Command(Guid? AttachmentId, string? Scope, string? AcceptanceCriteria, string? PaymentTerms, DateOnly? SignedOn);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "recordServiceAgreement", command, context,
            (r, by, now, _) => r.RecordServiceAgreement(by, command.AttachmentId, command.Scope, command.AcceptanceCriteria, command.PaymentTerms, command.SignedOn, now), cancellationToken);
}

/// <summary>确认服务协议 (R-QUO-3): the customer, from its session.</summary>
public sealed class ConfirmServiceAgreement(ServiceRequestActionRunner runner, ClientSessions sessions)
{
    public sealed record Command;

    public Task<Guid> HandleAsync(string id, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "confirmServiceAgreement", new Command(), context, (r, by, now, _) => r.ConfirmServiceAgreement(by, sessions.Current, now), cancellationToken);
}

/// <summary>登记数据保密协议 (R-SEC-1): kept once per customer–supplier pair, reused by their other requests.</summary>
public sealed class RecordConfidentialityAgreement(ServiceRequestActionRunner runner, AgreementQueries agreements, AppDbContext db)
{
    public sealed record Command(Guid? AttachmentId, string? Reference, DateOnly? SignedOn, DateOnly? ValidTo);

    public async Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken)
    {
        var existing = await agreements.ConfidentialityForRequestAsync(id, cancellationToken, tracked: true);
        try
        {
            return await runner.RunAsync(id, "recordConfidentialityAgreement", command, context, (r, by, now, _) =>
            {
                if (r.RecordConfidentialityAgreement(by, existing, command.AttachmentId, command.Reference, command.SignedOn, command.ValidTo, now) is { } created)
                {
                    db.ConfidentialityAgreements.Add(created);
                }
            }, cancellationToken);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Another request of the same customer–supplier pair recorded the pair's agreement first (one per pair): a
            // lost race, answered 409 like any other; reloading shows that agreement, which this request then reuses.
            throw new ConcurrencyConflict();
        }
    }
}

/// <summary>授权远程会话 (R-SEC-1): the customer, for a window, from its session.</summary>
public sealed class AuthorizeRemoteSession(ServiceRequestActionRunner runner, ClientSessions sessions)
{
    public sealed record Command(string? Scope, DateTimeOffset? From, DateTimeOffset? To);

    public Task<Guid> HandleAsync(string id, Command command, ActionPreconditions context, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "authorizeRemoteSession", command, context,
            (r, by, now, _) => r.AuthorizeRemoteSession(by, command.Scope, command.From, command.To, sessions.Current, now), cancellationToken);
}
