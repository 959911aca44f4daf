using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Pages.Dues;

/// <summary>Reads a population typed by a person: a whole number from 1 to 50,000,000, commas allowed.</summary>
public static class PopulationInput
{
    public static bool TryParse(string? text, out int population, out string error)
    {
        population = 0;
        error = "";
        var t = text?.Trim().Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) ?? "";
        if (t.Length == 0) { error = "Enter the population."; return false; }
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        { error = "Enter the population as a whole number, like 45,000."; return false; }
        if (number != decimal.Truncate(number)) { error = "The population must be a whole number of people."; return false; }
        if (number <= 0) { error = "The population must be more than zero."; return false; }
        if (number > DuesSchedule.MaxPopulation)
        { error = $"The population cannot be more than {DuesSchedule.MaxPopulation.ToString("N0", CultureInfo.InvariantCulture)}."; return false; }
        population = (int)number;
        return true;
    }
}
