using System.Text.Json;
using Jalin.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jalin.Web.Infrastructure;

/// <summary>/health: anyone (a load balancer, a monitor) reads only "Healthy" or "Unhealthy"; a
/// signed-in SystemAdmin (cookie or bearer token) also reads each check, its description and data.</summary>
public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (http, report) =>
        {
            http.Response.ContentType = "application/json";
            http.Response.Headers.CacheControl = "no-store";
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            var status = report.Status == HealthStatus.Unhealthy ? "Unhealthy" : "Healthy";
            if (!await IsSystemAdminAsync(http))
            {
                await http.Response.WriteAsync(JsonSerializer.Serialize(new { status }, json));
                return;
            }
            await http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status,
                detail = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }, json));
        },
    };

    private static async Task<bool> IsSystemAdminAsync(HttpContext http)
    {
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            var bearer = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
            if (!bearer.Succeeded) return false;
            principal = bearer.Principal;
        }
        var actor = await http.RequestServices.GetRequiredService<CurrentActorAccessor>().GetAsync(principal, http.RequestAborted);
        return actor?.Role == Role.SystemAdmin;
    }
}
