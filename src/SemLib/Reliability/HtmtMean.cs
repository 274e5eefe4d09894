namespace SemLib.Reliability;

/// <summary>How the heterotrait–heteromethod and monotrait–heteromethod correlations are averaged in HTMT.</summary>
public enum HtmtMean
{
    /// <summary>Geometric means of absolute correlations: HTMT2 (Roemer, Schuberth &amp; Henseler 2021), the default
    /// of <c>semTools::htmt()</c> 0.5.6 (<c>htmt2 = TRUE</c>).</summary>
    Geometric,

    /// <summary>Arithmetic means: the original HTMT of Henseler, Ringle &amp; Sarstedt (2015).</summary>
    Arithmetic,
}
