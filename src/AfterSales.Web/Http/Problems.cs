using System.Text.Json;
using AfterSales.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Http;

/// <summary>A record that does not exist or that the caller's organisation is not party to (404, never 403).</summary>
public sealed class NotFound(string what) : Exception($"{what}不存在或无权查看。");

/// <summary>A write based on a stale version (409): someone else changed the record first.</summary>
public sealed class ConcurrencyConflict() : Exception("该记录已被他人修改，请刷新后重试。");

/// <summary>A record with the same unique key (a code, a user name) already exists (409, naming the field).</summary>
public sealed class DuplicateRecord(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Content too large (413) or of a type not accepted (415).</summary>
public sealed class UploadRefused(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// Maps every refusal to RFC 9457 problem details with the status codes of API.md, in one place:
/// 400 bad input (naming the field), 403, 404, 409, 413/415, 422 (naming the rule id).
/// </summary>
public sealed class ProblemMapper(IProblemDetailsService problems, ILogger<ProblemMapper> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? Map(Exception exception) => exception switch
    {
        InvalidInput e => Validation(e.Field, e.Message),
        ActionNotPermitted e => Problem(StatusCodes.Status403Forbidden, "不允许的操作 Not allowed", e.Message),
        NotFound e => Problem(StatusCodes.Status404NotFound, "未找到 Not found", e.Message),
        TransitionRefused e => WithRule(Problem(StatusCodes.Status409Conflict, "当前状态不允许此操作 Not allowed in this state", e.Message), e.RuleId, ("currentStatus", ToCamel(e.CurrentStatus)), ("action", e.Action)),
        ConcurrencyConflict e => Problem(StatusCodes.Status409Conflict, "并发修改冲突 Concurrent change", e.Message),
        DuplicateRecord e => Duplicate(e),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "并发修改冲突 Concurrent change", new ConcurrencyConflict().Message),
        UploadRefused e => Problem(e.Status, e.Status == StatusCodes.Status413PayloadTooLarge ? "文件过大 Too large" : "文件类型不支持 Unsupported media type", e.Message),
        // Warranty (issue 4): a judgement contradicting the warranty decision names its field and rule (R-JDG-2).
        Domain.Warranty.JudgementRefused e => WithRule(Conflict(e.Field, e.Message), e.RuleId),
        // Issue 6 spare parts: a reservation beyond what is available lost to another one or found too little (R-EXE-4).
        Domain.Parts.InsufficientStock e => WithRule(Problem(StatusCodes.Status409Conflict, "库存不足 Insufficient stock", e.Message), e.RuleId, ("requested", e.Requested), ("available", e.Available)),
        WorkflowRuleViolation e => WithRule(Problem(StatusCodes.Status422UnprocessableEntity, "业务规则不允许 Business rule refused", e.Message), e.RuleId),
        BadHttpRequestException e => BadRequest(e),
        UnauthorizedAccessException e => Problem(StatusCodes.Status401Unauthorized, "需要登录 Sign-in required", e.Message),
        _ => null,
    };

    private static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "请求过大 Too large", "请求内容超过大小限制。");
        }

        if (e.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
            return Validation(field.Length == 0 ? "body" : field, $"无法解析该字段的值：{json.Message}");
        }

        return Validation("body", e.Message);
    }

    public static ProblemDetails Validation(string field, string message)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "输入有误 Invalid input",
            Detail = message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        return problem;
    }

    private static ProblemDetails Conflict(string field, string message) => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status409Conflict,
        Title = "与质保判定不符 Contradicts the warranty decision",
        Detail = message,
        Type = "https://httpstatuses.io/409",
    };

    private static ProblemDetails Duplicate(DuplicateRecord e) => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
    {
        Status = StatusCodes.Status409Conflict,
        Title = "记录已存在 Already exists",
        Detail = e.Message,
        Type = "https://httpstatuses.io/409",
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = $"https://httpstatuses.io/{status}",
    };

    private static ProblemDetails WithRule(ProblemDetails problem, string ruleId, params (string Key, object Value)[] extra)
    {
        problem.Extensions["ruleId"] = ruleId;
        foreach (var (key, value) in extra)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static string ToCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
