using AfterSales.Web.Http;
using AfterSales.Web.Security;

namespace AfterSales.Web.Components.Shared;

/// <summary>
/// Runs a use case or query for an interactive page in its own DI scope — a fresh DbContext per operation,
/// as an HTTP request gets — acting for the circuit's signed-in caller. A circuit-long DbContext would go
/// stale and cannot serve two operations at once.
/// </summary>
public sealed class ScopedOperations(IServiceScopeFactory scopes, CallerContext circuitCaller, Features.Quotes.ClientSessions circuitSession)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> operation)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Set(circuitCaller.Required);

        // Quotes feature (R-QUO-1): a decision taken on a page records the circuit's session, not a blank one.
        scope.ServiceProvider.GetRequiredService<Features.Quotes.ClientSessions>().Circuit = circuitSession.Circuit ?? circuitSession.Current;
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task RunAsync<TService>(Func<TService, Task> operation)
        where TService : notnull =>
        RunAsync<TService, bool>(async service =>
        {
            await operation(service);
            return true;
        });

    /// <summary>The message a user should read for a refused operation (the same words the API's problem details carry).</summary>
    public static string Describe(Exception exception) =>
        ProblemMapper.Map(exception)?.Detail ?? "操作失败，请稍后重试。如问题持续，请联系平台管理员。";

    /// <summary>True for refusals a user can act on (bad input, state, rule, permission), false for faults.</summary>
    public static bool IsRefusal(Exception exception) => ProblemMapper.Map(exception) is not null;
}
