using Jalin.Core.Data;
using Jalin.Core.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jalin.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The database (SQLite by default, PostgreSQL with Database__Provider=Postgres), the
    /// file store and the clock. <paramref name="production"/> makes a configured audit key mandatory.</summary>
    public static IServiceCollection AddJalinCore(this IServiceCollection services, IConfiguration configuration, bool production = false)
    {
        var db = new DatabaseOptions
        {
            Provider = Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite,
            ConnectionString = configuration.GetConnectionString("Jalin"),
            AuditKeys = Audit.AuditKeyRing.FromConfiguration(configuration.AsEnumerable(), requireConfigured: production),
        };
        services.AddSingleton(db);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<JalinDb>((sp, o) => db.Configure(o, sp.GetRequiredService<TimeProvider>(), sp.GetService<FileStore>()), ServiceLifetime.Singleton);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<JalinDb>>().CreateDbContext());
        var files = new FileStoreOptions();
        if (configuration["Files:Root"] is { Length: > 0 } root) files.Root = root;
        if (long.TryParse(configuration["Files:MaxBytes"], out var max) && max > 0) files.MaxBytes = max;
        services.AddSingleton(files);
        var import = new Import.ImportOptions();
        if (long.TryParse(configuration["Import:MaxBytes"], out var importMax) && importMax > 0) import.MaxBytes = importMax;
        if (int.TryParse(configuration["Import:MaxRows"], out var importRows) && importRows > 0) import.MaxRows = importRows;
        services.AddSingleton(import);
        if (int.TryParse(configuration["Import:CommitStepPauseMs"], out var pause) && pause > 0) Import.ImportSessions.CommitStepPause = TimeSpan.FromMilliseconds(pause);
        var export = new Common.ListExportOptions { Directory = FileStoreOptions.Beside(configuration["Export:Directory"], files.Root, "list-exports") };
        if (int.TryParse(configuration["Export:MaxRows"], out var exportRows) && exportRows > 0) export.MaxRows = exportRows;
        if (int.TryParse(configuration["Export:BackgroundFromRows"], out var background) && background >= 0) export.BackgroundFromRows = background;
        if (int.TryParse(configuration["Export:MaxRunningPerUser"], out var running) && running > 0) export.MaxRunningPerUser = running;
        if (int.TryParse(configuration["Export:StartPauseMs"], out var exportPause) && exportPause > 0) export.StartPause = TimeSpan.FromMilliseconds(exportPause);
        services.AddSingleton(export);
        services.AddSingleton<Common.ListExportJobs>();
        services.AddSingleton(new Audit.AuditAnchorLog(AnchorDirectory(configuration["Audit:AnchorDirectory"], files.Root)));
        services.AddSingleton<FileStore>();
        services.AddSingleton<Search.SearchReindexJob>();
        services.AddSingleton(new Backup.RegionExportOptions { Directory = Backup.RegionExportOptions.DirectoryFor(configuration["RegionExport:Directory"], files.Root) });
        services.AddSingleton<Backup.RegionExportJobs>();
        services.AddSingleton(Drafting.PdfSettings.From(configuration));
        services.AddSingleton<Drafting.PdfConverter>();
        services.TryAddSingleton<Drafting.IElectronicSignatureProvider, Drafting.NoElectronicSignature>();
        return services;
    }

    /// <summary>Audit:AnchorDirectory, or "audit-anchors" beside the files folder (data/audit-anchors).</summary>
    public static string AnchorDirectory(string? configured, string filesRoot) => FileStoreOptions.Beside(configured, filesRoot, "audit-anchors");
}
