using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Reservations;

/// <summary>
/// Reservations (block H): allocates reservation ids, stores each ReserveNow with the station's
/// answer, marks cancellations, and follows the station's 2.0.1 ReservationStatusUpdate.
/// </summary>
public sealed class ReservationService(IDbContextFactory<IskraDbContext> contexts, StorageWriter writer, CsmsEvents events, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _allocation = new(1, 1);
    private int? _last;
    private int _floor;

    /// <summary>A reservation id above every stored one and every one handed out since the start.</summary>
    public async Task<int> NextIdAsync(CancellationToken cancellationToken)
    {
        await _allocation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is null)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                _last = await db.Reservations.MaxAsync(r => (int?)r.ReservationId, cancellationToken).ConfigureAwait(false) ?? 0;
            }

            _last = Math.Max(_last.Value, _floor) + 1;
            return _last.Value;
        }
        finally
        {
            _allocation.Release();
        }
    }

    /// <summary>An id the operator chose: later allocations go above it.</summary>
    public void Observe(int reservationId)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _floor);
        }
        while (reservationId > seen && Interlocked.CompareExchange(ref _floor, reservationId, seen) != seen);
    }

    /// <summary>
    /// Stores the station's answer to a ReserveNow. An accepted one replaces a reservation with the
    /// same id on the station (1.6 §5.13); a refused one is stored only when the id is new, since the
    /// station kept the reservation it had.
    /// </summary>
    public async Task RecordAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Reservations
            .FirstOrDefaultAsync(r => r.StationId == reservation.StationId && r.ReservationId == reservation.ReservationId, cancellationToken)
            .ConfigureAwait(false);
        if (row is null)
        {
            db.Reservations.Add(reservation);
            row = reservation;
        }
        else if (reservation.Status != "Accepted")
        {
            return;
        }
        else
        {
            row.ConnectorId = reservation.ConnectorId;
            row.IdTag = reservation.IdTag;
            row.ParentIdTag = reservation.ParentIdTag;
            row.ExpiryDate = reservation.ExpiryDate;
            row.Status = reservation.Status;
            row.CancelledAt = null;
            row.EndedAt = null;
        }

        row.CreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        events.ReservationStatus(row);
    }

    /// <summary>The station accepted a CancelReservation: the reservation is marked Cancelled.</summary>
    public async Task CancelAsync(string stationId, int reservationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Reservations
            .FirstOrDefaultAsync(r => r.StationId == stationId && r.ReservationId == reservationId, cancellationToken)
            .ConfigureAwait(false);
        if (row is not null)
        {
            row.Status = "Cancelled";
            row.CancelledAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            events.ReservationStatus(row);
        }
    }

    /// <summary>2.0.1 ReservationStatusUpdate (H04): the reservation Expired or was Removed. Stored before the answer.</summary>
    public async Task EndedAsync(string stationId, int reservationId, string status, CancellationToken cancellationToken)
    {
        var row = await writer.WriteAsync((stationId, reservationId, status, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            var row = db.Reservations.Local.FirstOrDefault(r => r.StationId == s.stationId && r.ReservationId == s.reservationId)
                ?? await db.Reservations.FirstOrDefaultAsync(r => r.StationId == s.stationId && r.ReservationId == s.reservationId, ct).ConfigureAwait(false);
            if (row is not null)
            {
                row.Status = s.status;
                row.EndedAt = s.now;
            }

            return row;
        }, cancellationToken).ConfigureAwait(false);
        events.ReservationStatus(row);
    }

    public void Dispose() => _allocation.Dispose();
}
