using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Iskra.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IskraDbContext>
{
    public IskraDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<IskraDbContext>();
        StorageRegistration.Configure(builder, "Host=localhost;Database=design");
        return new IskraDbContext(builder.Options);
    }
}
