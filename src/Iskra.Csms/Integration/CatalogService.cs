using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Integration;

/// <summary>
/// The catalog of integrated models as the test lab and the boot path see it: the lab records each finished run
/// (<see cref="RecordRunAsync"/>), the policy in <see cref="CatalogOptions"/> decides the model's status, and a
/// booting station's model and firmware are judged from memory (<see cref="Decide"/>). The rules are in
/// docs/decisions/010-catalog-policy.md. The operator's own changes go through <see cref="CatalogEditor"/>.
/// </summary>
public sealed class CatalogService(IDbContextFactory<IskraDbContext> contexts, CatalogCache cache, IOptionsMonitor<CatalogOptions> options, TimeProvider time)
{
    /// <summary>
    /// Records a finished lab run: adds the model when new (status testing), stores the run with its firmware,
    /// OCPP version and per-profile counts, and judges it under the policy. A passing run makes the model
    /// integrated unless the operator refused it; a failing run never lowers a model's status (its firmware is
    /// then recorded as failed, and stations booting with it are flagged). Recording a run id again changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is not one a lab run can have (empty ids, unknown OCPP version, negative counts, over-long text).</exception>
    public async Task<RecordedRun> RecordRunAsync(LabRunOutcome outcome, CancellationToken cancellationToken)
    {
        Check(outcome);
        RecordedRun recorded;
        try
        {
            recorded = await TryRecordAsync(outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another run of the same new model (or the same run) was recorded meanwhile: once more, it now exists.
            recorded = await TryRecordAsync(outcome, cancellationToken).ConfigureAwait(false);
        }

        if (!recorded.AlreadyRecorded)
        {
            await cache.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }

        return recorded;
    }

    /// <summary>
    /// The boot path's question, answered from memory: is <paramref name="vendor"/> <paramref name="model"/> integrated,
    /// and did <paramref name="firmware"/> pass a lab run of it? Await <see cref="EnsureLoadedAsync"/> once before the first call.
    /// </summary>
    public ModelAdmission Decide(string vendor, string model, string? firmware)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(model);
        var entry = cache.Find(vendor, model);
        if (entry is null)
        {
            return new(ModelAdmissionKind.NotIntegrated, $"Model {vendor.Trim()} {model.Trim()} is not in the catalog of integrated models", null, []);
        }

        if (entry.Status != CatalogStatus.Integrated)
        {
            return new(ModelAdmissionKind.NotIntegrated, $"Model {entry.Name} is not an integrated model (status {CatalogStatuses.Name(entry.Status)})", entry.Status, []);
        }

        var version = firmware?.Trim();
        if (string.IsNullOrEmpty(version) || !entry.HasTestedFirmware || entry.Passed(version))
        {
            return ModelAdmission.Admitted;
        }

        var tested = entry.PassedFirmware.Count > 0 ? string.Join(", ", entry.PassedFirmware) : "none passed";
        var reason = entry.FailedFirmware.TryGetValue(version, out var run)
            ? $"firmware {version} of {entry.Name} failed its latest lab run ({run}); tested: {tested}"
            : $"firmware {version} of {entry.Name} was never tested; tested: {tested}";
        return new(ModelAdmissionKind.FirmwareOutsideTested, reason, entry.Status, entry.PassedFirmware);
    }

    /// <summary>Loads the catalog into memory unless it is (a completed task then).</summary>
    public ValueTask EnsureLoadedAsync(CancellationToken cancellationToken) => cache.EnsureLoadedAsync(cancellationToken);

    /// <summary>
    /// Writes, once per model and firmware version, a note that stations boot with a firmware version outside the
    /// tested ones. False when the note was written before (by this node or another).
    /// </summary>
    public async Task<bool> FlagFirmwareAsync(string vendor, string model, string firmware, string text, CancellationToken cancellationToken)
    {
        var entry = cache.Find(vendor, model);
        var version = firmware.Trim();
        if (entry is null || entry.FlaggedFirmware.Contains(version))
        {
            return false;
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await db.CatalogNotes.AnyAsync(n => n.ModelId == entry.Id && n.Firmware == version, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            db.CatalogNotes.Add(new CatalogNote { ModelId = entry.Id, Author = CatalogNote.IskraAuthor, At = time.GetUtcNow(), Text = Clip(text, CatalogNote.TextLength), Firmware = version });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                return false; // another station of the model wrote it at the same moment
            }
        }

        await cache.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<RecordedRun> TryRecordAsync(LabRunOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var key = CatalogKeys.Of(outcome.Vendor, outcome.Model);
        var model = await db.CatalogModels.FirstOrDefaultAsync(m => m.Key == key, cancellationToken).ConfigureAwait(false);
        var before = model?.Status;
        if (await db.CatalogRuns.FirstOrDefaultAsync(r => r.RunId == outcome.RunId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            var owner = await db.CatalogModels.AsNoTracking().FirstAsync(m => m.Id == known.ModelId, cancellationToken).ConfigureAwait(false);
            return new RecordedRun(owner.Id, known.Passed, owner.Status, owner.Status, AlreadyRecorded: true);
        }

        if (model is null)
        {
            model = new CatalogModel { Vendor = outcome.Vendor.Trim(), Model = outcome.Model.Trim(), Key = key, Status = CatalogStatus.Testing, CreatedAt = now };
            db.CatalogModels.Add(model);
        }

        var passed = CatalogPolicy.Passes(outcome.Profiles, options.CurrentValue.Required);
        model.Runs.Add(new CatalogRun
        {
            RunId = outcome.RunId,
            StationId = outcome.StationId,
            FirmwareVersion = string.IsNullOrWhiteSpace(outcome.FirmwareVersion) ? null : outcome.FirmwareVersion.Trim(),
            OcppVersion = outcome.OcppVersion,
            FinishedAt = outcome.FinishedAt.ToUniversalTime(),
            Passed = passed,
            Profiles = [.. outcome.Profiles.Select(p => new CatalogRunProfile
            {
                Profile = p.Profile.Trim(), Passed = p.Passed, Failed = p.Failed, Skipped = p.Skipped, NotApplicable = p.NotApplicable,
            })],
        });
        if (passed && model.Status == CatalogStatus.Testing)
        {
            model.Status = CatalogStatus.Integrated;
        }

        model.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new RecordedRun(model.Id, passed, before, model.Status, AlreadyRecorded: false);
    }

    private static void Check(LabRunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Text(outcome.RunId, CatalogRun.RunIdLength, nameof(outcome.RunId));
        Text(outcome.StationId, IskraModel.StationIdLength, nameof(outcome.StationId));
        Text(outcome.Vendor?.Trim(), CatalogModel.NameLength, nameof(outcome.Vendor));
        Text(outcome.Model?.Trim(), CatalogModel.NameLength, nameof(outcome.Model));
        if (outcome.FirmwareVersion is { Length: > 50 })
        {
            throw new ArgumentException("FirmwareVersion is at most 50 characters.", nameof(outcome));
        }

        if (outcome.OcppVersion is not ("1.6" or "2.0.1"))
        {
            throw new ArgumentException("OcppVersion must be 1.6 or 2.0.1.", nameof(outcome));
        }

        ArgumentNullException.ThrowIfNull(outcome.Profiles);
        foreach (var p in outcome.Profiles)
        {
            Text(p.Profile?.Trim(), CatalogRunProfile.ProfileLength, "Profile");
            if (p.Passed < 0 || p.Failed < 0 || p.Skipped < 0 || p.NotApplicable < 0)
            {
                throw new ArgumentException($"Profile {p.Profile}: case counts cannot be negative.", nameof(outcome));
            }
        }
    }

    private static void Text(string? value, int maxLength, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength)
        {
            throw new ArgumentException($"{name} must be 1 to {maxLength} characters.", nameof(value));
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
