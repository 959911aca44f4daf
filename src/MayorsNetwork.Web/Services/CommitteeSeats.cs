namespace MayorsNetwork.Web.Services;

/// <summary>
/// Appointing, changing the role of and ending seats. The rules are checked here for a clear message; the
/// database's unique indexes (one open chair, one open vice chair, one open seat per city per body) decide
/// when two staff act at once, and the loser gets the same clear message.
/// </summary>
public sealed class CommitteeSeats(PortalDbContext db, TimeProvider clock)
{
    // Errors are keyed by the appointment's own property names; the page puts them next to its fields.
    public const string CityField = nameof(Appointment.MembershipId);
    public const string RoleField = nameof(Appointment.Role);
    public const string StartField = nameof(Appointment.StartsOn);
    public const string EndField = nameof(Appointment.EndsOn);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome> AppointAsync(int bodyId, Appointment appointment, string by, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, cancellationToken);
        if (body is null) return Outcome.Fail("This body no longer exists.");
        if (!body.IsActive) return Outcome.Fail($"{body.Name} is not active, so it takes no new seats. Make it active again first.");
        if (SeatRules.CheckTerm(appointment.StartsOn, appointment.EndsOn) is { } termProblem) return Outcome.Fail(termProblem, EndField);
        if (appointment.EndsOn is { } ends && ends < Today)
            return Outcome.Fail("The term has already ended; a new seat must end today or later (or have no end).", EndField);

        var city = await db.Memberships.AsNoTracking().Where(m => m.Id == appointment.MembershipId)
            .Select(m => new { m.Id, m.Status, m.Government.Name, m.Government.State, Mayor = m.Government.Mayor.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (city is null) return Outcome.Fail("Choose the member city whose mayor takes the seat.", CityField);
        var cityName = $"{city.Name}, {city.State}";
        if (SeatRules.WhyCannotHold(city.Status, appointment.Role, cityName) is { } why) return Outcome.Fail(why, CityField);
        if (string.IsNullOrWhiteSpace(city.Mayor)) return Outcome.Fail($"{cityName} has no mayor on record; add the mayor's name to the city first.", CityField);

        await CloseRunOutSeatsAsync(body.Id, by, cancellationToken);
        if (await ConflictAsync(body, appointment.MembershipId, appointment.Role, exceptSeatId: null, cancellationToken) is { } conflict) return conflict;

        var seat = Seat.Appoint(body.Id, city.Id, city.Mayor.Trim(), appointment.Role, appointment.StartsOn, appointment.EndsOn, by, Now);
        db.Seats.Add(seat);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else appointed the same city, or a chair or vice chair, a moment ago: the unique index refused ours.
            db.ChangeTracker.Clear();
            return await ConflictAsync(body, appointment.MembershipId, appointment.Role, exceptSeatId: null, cancellationToken)
                   ?? Outcome.Fail("The seats of this body changed while you were appointing; nothing was saved. Check the roster and try again.");
        }

        return Outcome.Ok;
    }

    public async Task<Outcome> ChangeRoleAsync(int seatId, Guid version, SeatRole role, string by, CancellationToken cancellationToken)
    {
        var bodyId = await db.Seats.Where(s => s.Id == seatId).Select(s => (int?)s.BodyId).FirstOrDefaultAsync(cancellationToken);
        if (bodyId is null) return Outcome.Fail("That seat no longer exists.");
        await CloseRunOutSeatsAsync(bodyId.Value, by, cancellationToken);
        var seat = await db.Seats.Include(s => s.Body).Include(s => s.Membership).ThenInclude(m => m.Government)
            .FirstAsync(s => s.Id == seatId, cancellationToken);
        if (!seat.IsOpen) return Outcome.Fail($"The seat of {seat.MayorName} has ended; an ended seat keeps its role.");
        if (seat.Version != version) return Changed(seat);
        if (seat.Role == role) return Outcome.Fail($"{seat.MayorName} is already {Article(role)}{role.Display().ToLowerInvariant()}.");
        var cityName = $"{seat.Membership.Government.Name}, {seat.Membership.Government.State}";
        if (SeatRules.WhyCannotHold(seat.Membership.Status, role, cityName) is { } why) return Outcome.Fail(why);

        if (role.IsSingleHolder() && await ConflictAsync(seat.Body, seat.MembershipId, role, seat.Id, cancellationToken) is { } conflict) return conflict;

        seat.ChangeRole(role, by, Now);
        db.Entry(seat).Property(s => s.Version).OriginalValue = version;
        return await SaveAsync(seat, role, cancellationToken);
    }

    public async Task<Outcome> EndAsync(int seatId, Guid version, DateOnly lastDay, string by, CancellationToken cancellationToken)
    {
        var seat = await db.Seats.Include(s => s.Body).FirstOrDefaultAsync(s => s.Id == seatId, cancellationToken);
        if (seat is null) return Outcome.Fail("That seat no longer exists.");
        if (!seat.IsOpen) return Outcome.Fail($"The seat of {seat.MayorName} has already ended.");
        if (seat.Version != version) return Changed(seat);
        if (lastDay < seat.StartsOn)
            return Outcome.Fail(string.Create(CultureInfo.InvariantCulture, $"The seat of {seat.MayorName} started on {seat.StartsOn:MMMM d, yyyy}; it cannot end before it started ({lastDay:MMMM d, yyyy})."));
        if (lastDay > Today)
            return Outcome.Fail("A seat is ended on its last day, today or earlier. To set a later end, give the term's end date when appointing.");

        seat.End(lastDay, by, Now);
        db.Entry(seat).Property(s => s.Version).OriginalValue = version;
        return await SaveAsync(seat, null, cancellationToken);
    }

    /// <summary>
    /// Seats whose set end date has passed no longer count, but the unique indexes see them until they are
    /// closed; closing them first lets a successor be appointed. Each closing is recorded.
    /// </summary>
    private async Task CloseRunOutSeatsAsync(int bodyId, string by, CancellationToken cancellationToken)
    {
        var today = Today;
        var runOut = await db.Seats.Where(s => s.BodyId == bodyId && s.EndedAtUtc == null && s.EndsOn != null && s.EndsOn < today).ToListAsync(cancellationToken);
        if (runOut.Count == 0) return;
        foreach (var seat in runOut)
            seat.End(seat.EndsOn!.Value, by, Now, string.Create(CultureInfo.InvariantCulture, $"Term ran out on {seat.EndsOn:yyyy-MM-dd}; closed when the seats were next changed"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another staff member closed them at the same moment; theirs stands.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The message for a seat that cannot be added: the city already sits on the body, or the role is held.</summary>
    private async Task<Outcome?> ConflictAsync(Body body, int membershipId, SeatRole role, int? exceptSeatId, CancellationToken cancellationToken)
    {
        var open = db.Seats.AsNoTracking().Where(s => s.BodyId == body.Id && s.EndedAtUtc == null && s.Id != (exceptSeatId ?? 0));
        if (exceptSeatId is null)
        {
            var same = await open.Where(s => s.MembershipId == membershipId)
                .Select(s => new { s.MayorName, s.Role, City = s.Membership.Government.Name, s.Membership.Government.State })
                .FirstOrDefaultAsync(cancellationToken);
            if (same is not null)
                return Outcome.Fail($"{same.MayorName} of {same.City}, {same.State} already holds a seat on {body.Name} ({same.Role.Display().ToLowerInvariant()}). End or change that seat instead.", CityField);
        }

        if (!role.IsSingleHolder()) return null;
        var holder = await open.Where(s => s.Role == role)
            .Select(s => new { s.MayorName, City = s.Membership.Government.Name, s.Membership.Government.State })
            .FirstOrDefaultAsync(cancellationToken);
        return holder is null
            ? null
            : Outcome.Fail($"{body.Name} already has a {role.Display().ToLowerInvariant()}: {holder.MayorName} of {holder.City}, {holder.State}. " +
                           $"End that seat or change its role before appointing another {role.Display().ToLowerInvariant()}.", RoleField);
    }

    private async Task<Outcome> SaveAsync(Seat seat, SeatRole? newRole, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed(seat);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (newRole is { } role ? await ConflictAsync(seat.Body, seat.MembershipId, role, seat.Id, cancellationToken) : null)
                   ?? Outcome.Fail("The seats of this body changed meanwhile; nothing was saved. Check the roster and try again.");
        }
    }

    private static Outcome Changed(Seat seat) =>
        Outcome.Fail($"The seat of {seat.MayorName} was changed by someone else while you were looking at it; nothing was saved. Here it is as it is now.");

    private static string Article(SeatRole role) => role == SeatRole.ExOfficio ? "an " : "a ";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
