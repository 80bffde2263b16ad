namespace Jalin.Web.Tests.Infrastructure;

/// <summary>One app (and one seeded database) per provider, shared by the test classes of that
/// provider; the two collections run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "postgres";
}
