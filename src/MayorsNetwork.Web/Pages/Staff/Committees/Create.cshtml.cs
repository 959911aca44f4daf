namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>A new committee, task force or board.</summary>
public sealed class CreateModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, IValidator<BodyInput> validator)
    : PortalPageModel
{
    [BindProperty]
    public BodyInput Input { get; set; } = new() { Kind = nameof(BodyKind.TaskForce) };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await Input.CheckAsync(validator, db, null, ModelState, cancellationToken) is not { } valid) return Page();

        var staff = await users.GetUserAsync(User);
        var body = new Body { Name = valid.Name, Slug = valid.Slug, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = staff?.FullName ?? "Staff" };
        BodyInput.Apply(body, valid, Input);
        db.Bodies.Add(body);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone created a body with the same address a moment ago (unique index on the slug).
            ModelState.AddModelError("Input.Name", BodyInput.NameTaken(valid.Name));
            return Page();
        }

        StatusMessage = $"{body.Name} is created. Appoint its members below.";
        return RedirectToPage("/Staff/Committees/Detail", new { slug = body.Slug });
    }
}
