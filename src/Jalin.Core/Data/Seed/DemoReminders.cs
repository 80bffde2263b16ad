using Jalin.Core.Reminders;

namespace Jalin.Core.Data.Seed;

/// <summary>Issue #11 item 4: the reminder job runs once over the demo as it would on the first hour of a real start,
/// so Kota Cimahi's officers find the reminders due today (the DPRD window of the drainage cooperation with Kabupaten
/// Bandung Barat, the end dates on the ladder) in their bell. Their e-mail copies are cleared with the walks' mail.</summary>
internal static class DemoReminders
{
    public static Task SeedAsync(Func<JalinDb> newDb, TimeProvider clock, CancellationToken ct) => RunReminders.HandleAsync(newDb, clock, ct);
}
