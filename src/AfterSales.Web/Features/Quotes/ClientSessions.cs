using System.Security.Cryptography;
using System.Text;
using AfterSales.Domain.ServiceRequests;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AfterSales.Web.Features.Quotes;

/// <summary>
/// The session a customer's decision is made from (R-QUO-1 "who, when, from which session"): the web portal's circuit or
/// an API call, with the client address and user agent. Session ids are kept as a short hash, never the secret itself.
/// </summary>
public sealed class ClientSessions(IHttpContextAccessor http)
{
    /// <summary>Set when a Blazor circuit opens: interactive pages have no HTTP request of their own.</summary>
    public ClientSession? Circuit { get; set; }

    public ClientSession Current => Circuit ?? FromHttp(http.HttpContext, circuitId: null) ?? new ClientSession("web", null, null, null);

    public static ClientSession? FromHttp(HttpContext? context, string? circuitId)
    {
        if (context is null)
        {
            return null;
        }

        var isApi = circuitId is null && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        var agent = context.Request.Headers.UserAgent.ToString();
        var secret = circuitId ?? context.Request.Headers.Authorization.ToString();
        return new ClientSession(
            isApi ? "api" : "web",
            context.Connection.RemoteIpAddress?.ToString(),
            agent.Length == 0 ? null : agent[..Math.Min(agent.Length, 300)],
            secret.Length == 0 ? null : (isApi ? "token:" : "circuit:") + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..12]);
    }
}

/// <summary>Captures the circuit's client (address, user agent) when it opens, while its connection request is at hand.</summary>
public sealed class SessionCircuitHandler(ClientSessions sessions, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        sessions.Circuit = ClientSessions.FromHttp(http.HttpContext, circuit.Id) ?? new ClientSession("web", null, null, null);
        return Task.CompletedTask;
    }
}
