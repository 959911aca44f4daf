namespace MayorsNetwork.Web.Tests.Support;

/// <summary>A complete, valid application form; tests change the fields they are about.</summary>
public static class Applications
{
    public static Dictionary<string, string?> Valid(string? cityName = null, string state = "CO", int population = 108_250, string? applicantEmail = null)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new Dictionary<string, string?>
        {
            ["Input.Name"] = cityName ?? $"Testville {id}",
            ["Input.Kind"] = "City",
            ["Input.State"] = state,
            ["Input.Population"] = population.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.CensusYear"] = "2020",
            ["Input.MayorName"] = "Aaron Brockett",
            ["Input.MayorTitle"] = "Mayor",
            ["Input.MayorEmail"] = $"mayor-{id}@city.example.gov",
            ["Input.MayorPhone"] = "303-555-0100",
            ["Input.MayorTermEnds"] = DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LiaisonName"] = "Lee Liaison",
            ["Input.LiaisonEmail"] = $"liaison-{id}@city.example.gov",
            ["Input.LiaisonPhone"] = "303-555-0101",
            ["Input.BillingName"] = "Finance Office",
            ["Input.BillingEmail"] = $"billing-{id}@city.example.gov",
            ["Input.BillingPhone"] = "303-555-0102",
            ["Input.BillingAddress"] = "1777 Broadway\nBoulder, CO 80302",
            ["Input.ApplicantName"] = "Casey Clerk",
            ["Input.ApplicantEmail"] = applicantEmail ?? $"applicant-{id}@city.example.gov",
            ["Input.Password"] = PortalFixture.Password,
            ["Input.ConfirmPassword"] = PortalFixture.Password,
        };
    }
}
