namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>Appoints a member city's mayor to a body: the city (searched by name), the role and the term.</summary>
public sealed class AppointModel(PortalDbContext db, CommitteeSeats seats, Rosters rosters, UserManager<PortalUser> users, IValidator<AppointModel.InputModel> validator)
    : PortalPageModel
{
    public const int MaxCandidates = 300;

    /// <summary>Narrows the list of cities (name of the city or of its mayor).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Body Body { get; private set; } = null!;

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public bool MoreCandidates { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        Input = new InputModel { Role = nameof(SeatRole.Member), StartsOn = rosters.Today.ToString("yyyy-MM-dd") };
        if (Candidates.Count == 1) Input.MembershipId = Candidates[0].MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();

        var appointment = Input.ToAppointment();
        var staff = await users.GetUserAsync(User);
        var result = await seats.AppointAsync(Body.Id, appointment, staff?.FullName ?? "Staff", cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        var mayor = Candidates.FirstOrDefault(c => c.MembershipId == appointment.MembershipId)?.Mayor ?? "The mayor";
        StatusMessage = $"{mayor} is appointed {appointment.Role.Display().ToLowerInvariant()} of {Body.Name}.";
        return RedirectToPage("/Staff/Committees/Detail", new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null) return false;
        Body = body;

        // Cities that are members, and lapsed ones (they may hold ex officio seats); named with their standing.
        var query = db.Memberships.AsNoTracking().Where(m =>
            m.Status == MembershipStatus.Approved || m.Status == MembershipStatus.Invoiced || m.Status == MembershipStatus.Active ||
            m.Status == MembershipStatus.Grace || m.Status == MembershipStatus.Lapsed);
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q) && q.Length <= FieldLimits.Name)
        {
            var key = Government.KeyFor(q);
            var upper = q.ToUpperInvariant();
            query = query.Where(m => m.Government.NameKey.Contains(key) || m.Government.Mayor.Name.ToUpper().Contains(upper));
        }

        var found = await query
            .OrderBy(m => m.Government.State).ThenBy(m => m.Government.NameKey)
            .Select(m => new Candidate(m.Id, m.Government.Name, m.Government.State, m.Government.Mayor.Name, m.Status))
            .Take(MaxCandidates + 1)
            .ToListAsync(cancellationToken);
        MoreCandidates = found.Count > MaxCandidates;
        Candidates = found.Take(MaxCandidates).ToList();
        return true;
    }

    public sealed record Candidate(int MembershipId, string City, string State, string Mayor, MembershipStatus Status)
    {
        public string Label => $"{City}, {State} · {Mayor}" + (Status == MembershipStatus.Lapsed ? " (lapsed: ex officio only)" : "");
    }

    public sealed class InputModel
    {
        public string? MembershipId { get; set; }

        public string? Role { get; set; }

        public string? StartsOn { get; set; }

        public string? EndsOn { get; set; }

        /// <summary>The form as the service takes it; only for input that <see cref="Validator"/> accepted.</summary>
        public Appointment ToAppointment() => new(
            int.Parse(MembershipId!, System.Globalization.CultureInfo.CurrentCulture),
            SeatRoles.Parse(Role)!.Value,
            SeatDates.Parse(StartsOn)!.Value,
            string.IsNullOrWhiteSpace(EndsOn) ? null : SeatDates.Parse(EndsOn));
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.MembershipId).Must(id => int.TryParse(id, out _)).WithMessage("Choose the member city whose mayor takes the seat.");
            RuleFor(x => x.Role).Must(r => SeatRoles.Parse(r) is not null).WithMessage("Choose the role.");
            RuleFor(x => x.StartsOn).Must(d => SeatDates.Parse(d) is not null).WithMessage("Enter the first day of the term, like 2026-07-01.");
            RuleFor(x => x.EndsOn).Must(d => string.IsNullOrWhiteSpace(d) || SeatDates.Parse(d) is not null)
                .WithMessage("Enter the last day of the term, like 2027-06-30, or leave it empty for a term without a set end.");
        }
    }
}
