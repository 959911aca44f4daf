using System.Globalization;

namespace MayorsNetwork.Domain.Tests;

/// <summary>
/// Runs a block under a given culture and restores the previous one. Texts shown to users are checked
/// under en-US so that the result does not depend on the locale of the machine running the tests.
/// </summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _previous;
    private readonly CultureInfo _previousUi;

    public CultureScope(string name)
    {
        _previous = CultureInfo.CurrentCulture;
        _previousUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previous;
        CultureInfo.CurrentUICulture = _previousUi;
    }
}
