using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Jalin.Web.Infrastructure;

public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (http, report) =>
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        },
    };
}
