using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Webhooks;

/// <summary>The table of outgoing webhooks.</summary>
internal static class WebhooksModel
{
    public static void Configure(ModelBuilder b) => b.Entity<Webhook>(e =>
    {
        e.ToTable("webhooks");
        e.Property(x => x.Url).HasMaxLength(Webhook.MaxUrlLength);
        e.Property(x => x.Events).HasMaxLength(1000);
        e.Property(x => x.StationId).HasMaxLength(IskraModel.StationIdLength);
        e.Property(x => x.Secret).HasMaxLength(Webhook.MaxSecretLength);
        e.Property(x => x.LastError).HasMaxLength(500);
    });
}
