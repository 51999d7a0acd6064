using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Iskra.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IskraDbContext>
{
    public IskraDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<IskraDbContext>();
        StorageRegistration.Configure(builder, "Data Source=design.db");
        return new IskraDbContext(builder.Options);
    }
}
