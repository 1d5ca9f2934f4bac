using Npgsql;

namespace Catalog.Web.Extensions;

/// <summary>
/// When PostgreSQL is down or restarting, a request fails at once with 503 problem details and a Retry-After instead
/// of a 500 or a hang, and the connection pool is cleared so the connections the restart broke are not handed out
/// again: the portal recovers by itself once the database is back.
/// </summary>
internal sealed class DatabaseUnavailableMiddleware(RequestDelegate next, NpgsqlDataSource dataSource, IProblemDetailsService problems,
    ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsDatabaseUnavailable(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("The catalog database is unavailable ({Reason}); answered {Path} with 503.", Innermost(e).Message, context.Request.Path);
            dataSource.Clear();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The catalog database is unavailable",
                    Detail = "PostgreSQL did not answer or is restarting. Nothing was changed; retry in a few seconds.",
                },
            });
        }
    }

    /// <summary>Connection failures, server shutdown/start-up (57P*), connection exceptions (08*), also when EF Core wraps them.</summary>
    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState == "53300"; // too many connections
            if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
