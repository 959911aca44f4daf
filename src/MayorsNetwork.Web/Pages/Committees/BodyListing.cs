namespace MayorsNetwork.Web.Pages.Committees;

/// <summary>A body in a list of them, with how many of its seats are filled on a day (the public and the staff committee lists).</summary>
public sealed record BodyListing(string Name, string Slug, BodyKind Kind, bool IsActive, int CurrentSeats)
{
    /// <summary>Every body, active or not, in no particular order; one query.</summary>
    public static Task<List<BodyListing>> AllAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        db.Bodies.AsNoTracking()
            .Select(b => new BodyListing(b.Name, b.Slug, b.Kind, b.IsActive,
                b.Seats.Count(s => s.EndedAtUtc == null && s.StartsOn <= today && (s.EndsOn == null || s.EndsOn >= today))))
            .ToListAsync(cancellationToken);
}
