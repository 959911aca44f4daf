using System.Text;
using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Pages.Staff.Populations;

/// <summary>
/// A CSV of next year's population figures (issue 14): the upload is a dry run that lists every error by row and column
/// and changes no figure; a file without errors is kept as a pending upload (in the database) and previewed as if
/// confirmed; confirming records its figures, checked again, once.
/// </summary>
public sealed class UploadModel(CensusFigures figures, UserManager<PortalUser> users) : PortalPageModel
{
    /// <summary>Errors listed on the page; the count says how many more there are.</summary>
    public const int ErrorsShown = 500;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public ConfirmInput Confirm { get; set; } = new();

    public int NextFiscalYear => figures.NextFiscalYear;

    public PopulationDryRun? DryRun { get; private set; }

    public string? FileName { get; private set; }

    public IndexModel.PreviewView? Preview { get; private set; }

    public IReadOnlyList<PopulationCsvError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var file = Input.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Input.File", "Choose a CSV file to check.");
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        if (file.Length > PopulationCsv.MaxBytes)
        {
            ModelState.AddModelError("Input.File", string.Create(CultureInfo.InvariantCulture, $"{FileName} is {file.Length / 1024.0 / 1024.0:0.#} MB; a population file can be at most {PopulationCsv.MaxBytes / 1024 / 1024} MB."));
            return Page();
        }

        string text;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError("Input.File", $"{FileName} is not a UTF-8 text (CSV) file. Save it as \"CSV UTF-8\" and upload it again.");
            return Page();
        }

        var by = (await users.GetUserAsync(User))?.FullName ?? "Staff";
        DryRun = await figures.DryRunAsync(FileName, text, by, cancellationToken);
        Errors = DryRun.Errors;
        if (DryRun.Preview is { } preview) Preview = IndexModel.PreviewView.Of(preview, 1, IndexModel.PageSize, onlyNew: true);
        if (DryRun.UploadId is { } id) Confirm.UploadId = id;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Confirm.UploadId is not { } id)
        {
            ModelState.AddModelError("", "Upload the file again: there is nothing to confirm.");
            return Page();
        }

        var by = (await users.GetUserAsync(User))?.FullName ?? "Staff";
        var (recorded, errors) = await figures.ConfirmAsync(id, by, cancellationToken);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        StatusMessage = string.Create(CultureInfo.InvariantCulture, $"{recorded:N0} population figures recorded for FY {figures.NextFiscalYear}.");
        return RedirectToPage("./Index");
    }

    public sealed class InputModel
    {
        public IFormFile? File { get; set; }
    }

    public sealed class ConfirmInput
    {
        public Guid? UploadId { get; set; }
    }
}
